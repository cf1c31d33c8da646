import { Command, Help } from './commander.js';
import type { CommandContext } from './context.js';

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
    .option('--no-color', 'no colours in the output')
    .option('--debug', 'print stack traces with errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .configureHelp({
      // Until a command runs, its options and arguments are not declared; the table says them.
      subcommandTerm: (command) =>
        COMMANDS.find((entry) => entry.name === command.name())?.term ?? new Help().subcommandTerm(command),
    })
    .hook('preSubcommand', async (_, command) => {
      const entry = COMMANDS.find((candidate) => candidate.name === command.name());
      if (entry) (await entry.load())(command, context);
    })
    .hook('preAction', async (_, action) => {
      if (action.name() === 'help') return;
      const options = action.optsWithGlobals<{ dataDir?: string; color: boolean; debug?: boolean }>();
      await context.configure({ dataDir: options.dataDir, color: options.color, debug: options.debug === true });
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
