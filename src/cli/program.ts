import { Command, Help } from './commander.js';
import type { CommandContext } from './context.js';
import { examples } from './output/help.js';

/** Adds a command's arguments, options, help text and action to the command made for it here. */
export type DefineCommand = (command: Command, context: CommandContext) => void;

export interface CommandEntry {
  name: string;
  /** How `refund-claim --help` lists it; a test holds it to what the loaded command declares. */
  term: string;
  description: string;
  load(): Promise<DefineCommand>;
}

/**
 * Every command, with what `--help` says about it. A command's module, and all it imports, is
 * loaded only when that command runs: `--help` loads none of them and `status` only its own, so
 * neither pays for the wizard, the evidence store or the template engine (SPEC: status runs
 * every morning and from cron, and must feel instant).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'new',
    term: 'new [options]',
    description: 'draft a claim: a wizard on a terminal, flags for scripts',
    load: async () => (await import('./commands/new.js')).defineNew,
  },
  {
    name: 'status',
    term: 'status [options]',
    description: 'what needs doing, most urgent first',
    load: async () => (await import('./commands/status.js')).defineStatus,
  },
  {
    name: 'list',
    term: 'list [options]',
    description: 'one line per claim',
    load: async () => (await import('./commands/list.js')).defineList,
  },
  {
    name: 'show',
    term: 'show [options] <id>',
    description: 'everything about one claim: fields, amounts, evidence, timeline, next action',
    load: async () => (await import('./commands/show.js')).defineShow,
  },
  {
    name: 'check',
    term: 'check [options] <id>',
    description: 'the completeness check: what is missing and how to fix it (exit 1 on errors)',
    load: async () => (await import('./commands/check.js')).defineCheck,
  },
  {
    name: 'attach',
    term: 'attach [options] <id> <files...>',
    description: 'add evidence files to a claim (checked, hashed and copied into the evidence store)',
    load: async () => (await import('./commands/attach.js')).defineAttach,
  },
  {
    name: 'caption',
    term: 'caption <id> <n> <text>',
    description: 'set or replace the caption of evidence number n (one line for the support agent)',
    load: async () => (await import('./commands/caption.js')).defineCaption,
  },
  {
    name: 'ticket',
    term: 'ticket [options] <id>',
    description: 'print the support-ticket draft for a claim, ready to paste into the web form',
    load: async () => (await import('./commands/ticket.js')).defineTicket,
  },
  {
    name: 'edit',
    term: 'edit [options] <id>',
    description: 'correct fields of an open claim (same flags as new)',
    load: async () => (await import('./commands/edit.js')).defineEdit,
  },
  {
    name: 'submit',
    term: 'submit [options] <id>',
    description: 'record that the ticket was filed with support (draft → submitted)',
    load: async () => (await import('./commands/submit.js')).defineSubmit,
  },
  {
    name: 'log',
    term: 'log [options] <id>',
    description: "record a message exchanged with support; support's reply resets the follow-up clock",
    load: async () => (await import('./commands/log.js')).defineLog,
  },
  {
    name: 'inbox',
    term: 'inbox [options] <sources...>',
    description: "read support's saved emails (.eml, folders, mbox) and record what they say on the claims",
    load: async () => (await import('./commands/inbox.js')).defineInbox,
  },
  {
    name: 'followup',
    term: 'followup [options] <id>',
    description: 'print a follow-up to support (an escalation after two unanswered ones); --sent records it',
    load: async () => (await import('./commands/followup.js')).defineFollowup,
  },
  {
    name: 'decision',
    term: 'decision [options] <id> <decision>',
    description: 'record what the platform decided',
    load: async () => (await import('./commands/decision.js')).defineDecision,
  },
  {
    name: 'appeal',
    term: 'appeal [options] <id>',
    description: 'print an appeal that answers the denial reason; --sent records it (denied → appealed)',
    load: async () => (await import('./commands/appeal.js')).defineAppeal,
  },
  {
    name: 'close',
    term: 'close [options] <id>',
    description: 'close the claim: the money came back (refunded, credited), or it did not (rejected, withdrawn)',
    load: async () => (await import('./commands/close.js')).defineClose,
  },
  {
    name: 'bundle',
    term: 'bundle [options] <id>',
    description: 'pack the ticket, timeline, checksums and every evidence file into one upload-ready zip',
    load: async () => (await import('./commands/bundle.js')).defineBundle,
  },
  {
    name: 'verify',
    term: 'verify <id | bundle.zip>',
    description: 'prove nothing changed: re-hash a claim’s stored evidence, or check a bundle against its checksums',
    load: async () => (await import('./commands/verify.js')).defineVerify,
  },
  {
    name: 'accounts',
    term: 'accounts [options]',
    description: 'the saved accounts with their claims and amounts; show one, or correct it',
    load: async () => (await import('./commands/accounts.js')).defineAccounts,
  },
  {
    name: 'report',
    term: 'report [options]',
    description: 'requested, recovered and approval per channel, reason and currency',
    load: async () => (await import('./commands/report.js')).defineReport,
  },
  {
    name: 'calendar',
    term: 'calendar [options]',
    description: "write an iCalendar file with every open claim's next action, to import into a calendar app",
    load: async () => (await import('./commands/calendar.js')).defineCalendar,
  },
  {
    name: 'export',
    term: 'export [options]',
    description: 'write every claim: JSON for a backup that import restores, or CSV for a spreadsheet',
    load: async () => (await import('./commands/export.js')).defineExport,
  },
  {
    name: 'import',
    term: 'import [options] <file>',
    description: 'restore claims from a JSON export, all or nothing',
    load: async () => (await import('./commands/import.js')).defineImport,
  },
  {
    name: 'templates',
    term: 'templates',
    description: 'the message templates: list them, or copy a built-in one to edit',
    load: async () => (await import('./commands/templates.js')).defineTemplates,
  },
];

/** Wires every command and the global options. */
export function buildProgram(context: CommandContext): Command {
  const { io } = context.deps;
  const program = new Command('refund-claim')
    .description('Draft, document and track refund claims for TikTok promotions that went wrong.')
    .version(context.deps.version, '-V, --version', 'print the version')
    .option(
      '--data-dir <dir>',
      'where claims and evidence are kept (default: $REFUND_CLAIM_HOME, else the platform data directory)',
    )
    .option(
      '--database <url>',
      'a team database, postgres://user:password@host:5432/name (default: $REFUND_CLAIM_DATABASE_URL, else SQLite in the data directory)',
    )
    .option('--no-color', 'no colours in the output')
    .option('--debug', 'print stack traces with errors')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      examples('refund-claim new', 'refund-claim status', 'refund-claim ticket RC-0001 --out ticket.txt'),
    )
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .configureHelp({
      // Until a command runs, its options and arguments are not declared; the table says them.
      // Only the top-level ones: `accounts show` is not `show`.
      subcommandTerm: (command) =>
        (command.parent?.parent ? undefined : COMMANDS.find((entry) => entry.name === command.name())?.term) ??
        new Help().subcommandTerm(command),
    })
    .hook('preSubcommand', async (_, command) => {
      const entry = COMMANDS.find((candidate) => candidate.name === command.name());
      if (entry) (await entry.load())(command, context);
    })
    .hook('preAction', async (_, action) => {
      if (action.name() === 'help') return;
      const options = action.optsWithGlobals<{
        dataDir?: string;
        database?: string;
        color: boolean;
        debug?: boolean;
      }>();
      await context.configure({
        dataDir: options.dataDir,
        database: options.database,
        color: options.color,
        debug: options.debug === true,
      });
    });

  for (const entry of COMMANDS) program.command(entry.name).description(entry.description);
  // Commander's own `help <command>` would print the help of a command whose module is not loaded.
  program
    .command('help [command]')
    .description('display help for command')
    .action(async (name?: string) => {
      if (name === undefined) return program.help();
      const command = program.commands.find((candidate) => candidate.name() === name);
      if (!command) return program.help({ error: true });
      const entry = COMMANDS.find((candidate) => candidate.name === name);
      if (entry) (await entry.load())(command, context);
      command.help();
    });

  // Commander prints its own errors; the second line says where the usage is.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? 'refund-claim' : `refund-claim ${command.name()}`;
    command.configureOutput({
      outputError: (text, write) => write(`${text.trimEnd()}\n  Run '${name} --help' for usage.\n`),
    });
  }
  return program;
}
