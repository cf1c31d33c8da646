import { Command } from 'commander';
import type { CommandContext } from './context.js';
import { examples } from './output/help.js';
import { registerAppeal } from './commands/appeal.js';
import { registerAttach } from './commands/attach.js';
import { registerBundle } from './commands/bundle.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCheck } from './commands/check.js';
import { registerClose } from './commands/close.js';
import { registerDecision } from './commands/decision.js';
import { registerEdit } from './commands/edit.js';
import { registerExport } from './commands/export.js';
import { registerFollowup } from './commands/followup.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerLog } from './commands/log.js';
import { registerNew } from './commands/new.js';
import { registerReport } from './commands/report.js';
import { registerShow } from './commands/show.js';
import { registerStatus } from './commands/status.js';
import { registerSubmit } from './commands/submit.js';
import { registerTemplates } from './commands/templates.js';
import { registerTicket } from './commands/ticket.js';
import { registerVerify } from './commands/verify.js';

/** Wires every command and the global options. Command modules stay light: heavy work is lazy. */
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
    .hook('preAction', (_, action) => {
      const options = action.optsWithGlobals<{ dataDir?: string; color: boolean; debug?: boolean }>();
      context.configure({ dataDir: options.dataDir, color: options.color, debug: options.debug === true });
    });

  for (const register of [
    registerNew,
    registerStatus,
    registerList,
    registerShow,
    registerCheck,
    registerAttach,
    registerTicket,
    registerEdit,
    registerSubmit,
    registerLog,
    registerFollowup,
    registerDecision,
    registerAppeal,
    registerClose,
    registerBundle,
    registerVerify,
    registerReport,
    registerCalendar,
    registerExport,
    registerImport,
    registerTemplates,
  ]) {
    register(program, context);
  }

  // Commander prints its own errors; the second line says where the usage is.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? 'refund-claim' : `refund-claim ${command.name()}`;
    command.configureOutput({
      outputError: (text, write) => write(`${text.trimEnd()}\n  Run '${name} --help' for usage.\n`),
    });
  }
  return program;
}
