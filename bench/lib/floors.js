/**
 * The floors: what a command's fixed stack costs by itself, written as the smallest ESM files that
 * do the same job with the same dependencies. A command within 1.1× of its floor spends little
 * on its own code; the rest is Node.js, commander and better-sqlite3.
 *
 * - The help floor loads commander, defines the same commands and options, and prints the same
 *   help. It is generated from `refund-claim --help` itself, and the bench checks that both print
 *   the same text, so the floor cannot drift from the product.
 * - The status floor loads commander and better-sqlite3, defines the same commands, runs the query
 *   `status` runs (taken from src/) and prints the same rows, tab-separated; the bench checks
 *   that both print the same text.
 *
 * They are written into .bench/floors/ of the project, so that `commander` and `better-sqlite3`
 * resolve through the project's node_modules, as they do for the installed binary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The folder for generated floors (gitignored), made on first use. */
export function floorsDir() {
  const dir = join(ROOT, '.bench', 'floors');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Reads commander's two-column help back into its parts: the description, the options, the
 * commands with their terms, and the text after the last section.
 */
export function parseHelp(text) {
  const lines = text.replace(/\n$/, '').split('\n');
  const description = lines[2];
  const sections = {};
  let current = null;
  let at = 4;
  for (; at < lines.length; at++) {
    const line = lines[at];
    if (/^\S.*:$/.test(line) && (line === 'Options:' || line === 'Commands:')) {
      current = sections[line.slice(0, -1)] = [];
    } else if (line === '') {
      if (current === null) continue;
      current = null;
      if (!['Options:', 'Commands:'].includes(lines[at + 1])) {
        at++;
        break;
      }
    } else if (/^ {2}\S/.test(line)) {
      const match = /^ {2}(\S.*?)( {2,})(\S.*)$/.exec(line);
      if (!match) current.push({ term: line.trim(), description: '' });
      else current.push({ term: match[1], description: match[3] });
    } else {
      const last = current.at(-1);
      last.description = `${last.description} ${line.trim()}`.trim();
    }
  }
  return {
    description,
    options: sections.Options ?? [],
    commands: sections.Commands ?? [],
    after: lines.slice(at).join('\n'),
  };
}

const js = (value) => JSON.stringify(value);

/** The lines of a floor that define the program as the product's help shows it. */
function programSource(help, version) {
  const terms = Object.fromEntries(help.commands.map((entry) => [entry.term.split(' ')[0], entry.term]));
  const options = help.options.map(({ term, description }) => {
    if (term.includes('--version')) return `  .version(${js(version)}, ${js(term)}, ${js(description)})`;
    if (term.includes('--help')) return `  .helpOption(${js(term)}, ${js(description)})`;
    return `  .option(${js(term)}, ${js(description)})`;
  });
  return [
    `const TERMS = ${js(terms)};`,
    `const program = new Command('refund-claim')`,
    `  .description(${js(help.description)})`,
    ...options,
    `  .addHelpText('after', ${js(`\n${help.after}`)})`,
    `  .configureHelp({ subcommandTerm: (command) => TERMS[command.name()] ?? command.name() });`,
    `for (const [name, description] of ${js(help.commands.filter((entry) => !entry.term.startsWith('help ')).map((entry) => [entry.term.split(' ')[0], entry.description]))}) {`,
    `  program.command(name).description(description);`,
    `}`,
    ...help.commands
      .filter((entry) => entry.term.startsWith('help '))
      .map((entry) => `program.command(${js(entry.term)}).description(${js(entry.description)});`),
  ];
}

/** Writes the help floor for the help text `refund-claim --help` printed; returns its path. */
export function writeHelpFloor(helpText, version) {
  const path = join(floorsDir(), 'help.mjs');
  const source = [
    `import { Command } from 'commander';`,
    ...programSource(parseHelp(helpText), version),
    `program.parse();`,
    '',
  ];
  writeFileSync(path, source.join('\n'));
  return path;
}

/**
 * Writes the status floor; returns its path. It runs `query` (the SQL `status` runs, taken from
 * the product) over `database`, and prints what piped `status` prints with plain code: one string
 * per row, labels and amounts worked out once per due date and per currency. `columns` are the
 * query's result columns: when they hold the account's name, the floor prints SPEC v2's order
 * (id, status, action, due, label, account name, promotion ID, promotion name, currency,
 * requested); until then version 1's (… label, promotion ID, promotion name, requested, currency).
 */
export function writeStatusFloor({ helpText, version, database, query, columns, name = 'status' }) {
  const path = join(floorsDir(), `${name}.mjs`);
  const at = (column) => {
    const index = columns.indexOf(column);
    if (index === -1) throw new Error(`the status query has no column ${column}: ${query}`);
    return `row[${index}]`;
  };
  const account = columns.findIndex((column) => /^account(_name)?$/.test(column));
  const cells = [
    `'RC-' + String(${at('id')}).padStart(4, '0')`,
    at('status'),
    at('next_action'),
    at('next_due'),
    `labelOf(${at('next_due')})`,
    ...(account === -1 ? [] : [`row[${account}]`]),
    at('promotion_id'),
    `(${at('promotion_name')} ?? '')`,
    ...(account === -1
      ? [`amount(${at('requested')}, ${at('currency')})`, at('currency')]
      : [at('currency'), `amount(${at('requested')}, ${at('currency')})`]),
  ];
  const source = [
    `import { Command } from 'commander';`,
    `import Database from 'better-sqlite3';`,
    ...programSource(parseHelp(helpText), version),
    `const DAY = 86_400_000;`,
    `const dayNumber = (day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY;`,
    `const now = new Date();`,
    `const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY;`,
    `const labels = new Map();`,
    `const labelOf = (due) => {`,
    `  let label = labels.get(due);`,
    `  if (label === undefined) {`,
    `    const days = dayNumber(due) - today;`,
    `    label = days < 0 ? 'overdue ' + -days + 'd' : days === 0 ? 'due today' : 'in ' + days + 'd';`,
    `    labels.set(due, label);`,
    `  }`,
    `  return label;`,
    `};`,
    `const digits = new Map();`,
    `const amount = (minor, currency) => {`,
    `  let n = digits.get(currency);`,
    `  if (n === undefined) {`,
    `    n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;`,
    `    digits.set(currency, n);`,
    `  }`,
    `  if (n === 0) return String(minor);`,
    `  const text = String(minor).padStart(n + 1, '0');`,
    `  return text.slice(0, -n) + '.' + text.slice(-n);`,
    `};`,
    `program.commands.find((command) => command.name() === 'status').action(() => {`,
    `  const db = new Database(${js(database)}, { readonly: true, fileMustExist: true });`,
    `  const rows = db.prepare(${js(query)}).raw(true).all();`,
    `  db.close();`,
    `  const lines = rows.map((row) => ${cells.join(" + '\\t' + ")});`,
    `  process.stdout.write(lines.join('\\n') + '\\n');`,
    `});`,
    `program.parse();`,
    '',
  ];
  writeFileSync(path, source.join('\n'));
  return path;
}

/** Whether `status` printed the floor's rows: null when it did, else the first difference. */
export function compareRows(floorText, statusText) {
  const floor = floorText.trimEnd().split('\n');
  const status = statusText.trimEnd().split('\n');
  if (floor.length !== status.length) return `the floor printed ${floor.length} lines, status ${status.length}`;
  const line = floor.findIndex((text, index) => status[index] !== text);
  return line === -1 ? null : `line ${line + 1} differs:\n  floor:  ${floor[line]}\n  status: ${status[line]}`;
}
