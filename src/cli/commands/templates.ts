import type { Command } from 'commander';
import { checkTemplates } from '../../app/check-templates.js';
import { plural } from '../../domain/text.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatTemplateTable, formatTemplateTsv } from '../output/templates.js';

export function defineTemplates(command: Command, context: CommandContext): void {
  command.addHelpText(
    'after',
    examples('refund-claim templates list', 'refund-claim templates eject followup', 'refund-claim templates check'),
  );

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

  command
    .command('check')
    .description(
      'render the templates in use (yours win) for sample claims of every channel and reason, ' +
        'and check each draft against the draft rules; exit 1 on any problem',
    )
    .argument('[name]', 'one template, as `templates list` shows it (default: all)')
    .option('--json', 'print {checked, problems: [{template, path, sample, line, rule, message}]}')
    .addHelpText('after', examples('refund-claim templates check', 'refund-claim templates check ticket-creator'))
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const result = checkTemplates(await context.adapters.templates(), name ?? null);
      if (options.json) {
        context.out(formatJson(result));
      } else {
        for (const problem of result.problems) {
          const where = [
            problem.template,
            problem.sample ? `(${problem.sample})` : null,
            problem.line !== null ? `line ${problem.line}` : null,
          ]
            .filter((part) => part !== null)
            .join(' ');
          context.out(`${where}: ${problem.rule}: ${problem.message}${problem.path ? `\n  ${problem.path}` : ''}`);
        }
        const count = result.problems.length;
        context.err(
          count === 0
            ? `${plural(result.checked.length, 'template')} checked: every draft follows the draft rules.`
            : `${plural(count, 'problem')} in ${plural(new Set(result.problems.map((p) => p.template)).size, 'template')}; ` +
                'fix them, or delete your copy to use the built-in template.',
        );
      }
      if (result.problems.length > 0) context.exitCode = 1;
    });

  for (const subcommand of command.commands) {
    subcommand.configureOutput({
      outputError: (text, write) =>
        write(`${text.trimEnd()}\n  Run 'refund-claim templates ${subcommand.name()} --help' for usage.\n`),
    });
  }
}
