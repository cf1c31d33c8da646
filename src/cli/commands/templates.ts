import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatTemplateTable, formatTemplateTsv } from '../output/templates.js';

export function defineTemplates(command: Command, context: CommandContext): void {
  command.addHelpText('after', examples('refund-claim templates list', 'refund-claim templates eject followup'));

  command
    .command('list')
    .description('every built-in template, marking the ones your own copy overrides')
    .option('--json', 'print [{name, description, overriddenBy}]')
    .addHelpText('after', examples('refund-claim templates list', 'refund-claim templates list --json'))
    .action(async (options: { json?: boolean }) => {
      const list = (await context.adapters.templates()).list();
      if (options.json) context.out(formatJson(list));
      else if (context.stdoutIsTerminal) context.out(formatTemplateTable(list, context.color));
      else context.out(formatTemplateTsv(list));
    });

  command
    .command('eject')
    .description("copy a built-in template into your template directory, to edit; prints the copy's path")
    .argument('<name>', 'template name, as `templates list` shows it')
    .addHelpText(
      'after',
      examples(
        'refund-claim templates eject ticket-tiktok-ads',
        '"$EDITOR" "$(refund-claim templates eject followup)"',
      ),
    )
    .action(async (name: string) => {
      const path = (await context.adapters.templates()).eject(name);
      context.out(path);
      context.err(`Your copy of "${name}" is used from now on. Edit it; delete it to go back to the built-in one.`);
    });

  for (const subcommand of command.commands) {
    subcommand.configureOutput({
      outputError: (text, write) =>
        write(`${text.trimEnd()}\n  Run 'refund-claim templates ${subcommand.name()} --help' for usage.\n`),
    });
  }
}
