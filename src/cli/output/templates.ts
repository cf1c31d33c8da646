/** What `templates list` prints: a table on a terminal, tab-separated lines otherwise. */
import type { TemplateInfo } from '../../app/deps.js';
import type { Colors } from '../context.js';
import { formatTable, formatTsvRow } from './table.js';

/** The templates in aligned columns, each override's path under it, and what the star means. */
export function formatTemplateTable(list: readonly TemplateInfo[], color: Colors): string {
  const rows = list.map((t) => [t.overriddenBy ? '*' : ' ', t.name, t.description]);
  const lines = formatTable(rows).split('\n');
  const output: string[] = [];
  list.forEach((template, index) => {
    output.push(lines[index] ?? '');
    if (template.overriddenBy) output.push(color.dim(`   your copy: ${template.overriddenBy}`));
  });
  output.push(
    '',
    color.dim(
      '* your own copy is used instead of the built-in one. Copy one to edit: refund-claim templates eject <name>',
    ),
  );
  return output.join('\n');
}

/** One line per template: name, description, the overriding copy's path (empty when none). */
export function formatTemplateTsv(list: readonly TemplateInfo[]): string {
  return list.map((t) => formatTsvRow([t.name, t.description, t.overriddenBy])).join('\n');
}
