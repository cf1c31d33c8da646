/**
 * Handlebars templates: the user's own (`<data dir>/templates/<name>.hbs`) win over the built-in
 * ones. Strict mode turns a misspelt field into an error naming the file and line instead of an
 * empty gap in a message sent to support. Partials are the files whose name starts with `_`.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeOptions, TemplateDelegate } from 'handlebars';
import type { TemplateInfo, Templates } from '../app/deps.js';
import { UsageError, UserError } from '../domain/errors.js';
import { guardBuiltin, HelperArgumentError, HelperValueError, TEMPLATE_HELPERS } from './helpers.js';

export interface TemplateDirs {
  builtin: string;
  user: string;
  /** Creates the user's template directory for `eject`, with its parents (the data directory). */
  makeUserDir(dir: string): void;
}

const EXTENSION = '.hbs';

/** First line of a built-in template, when it is a `{{!-- … --}}` comment, describes it. */
function describe(source: string): string {
  return /^\{\{!--\s*(.*?)\s*--\}\}/.exec(source)?.[1] ?? '';
}

export async function loadTemplates(dirs: TemplateDirs): Promise<Templates> {
  const { default: Handlebars } = await import('handlebars');
  const handlebars = Handlebars.create();
  const compiled = new Map<string, TemplateDelegate>();

  const pathOf = (name: string): string => {
    const user = join(dirs.user, `${name}${EXTENSION}`);
    return existsSync(user) ? user : join(dirs.builtin, `${name}${EXTENSION}`);
  };
  const builtinNames = (): string[] =>
    readdirSync(dirs.builtin)
      .filter((file) => file.endsWith(EXTENSION))
      .map((file) => file.slice(0, -EXTENSION.length))
      .sort();

  const compile = (name: string): TemplateDelegate => {
    const cached = compiled.get(name);
    if (cached) return cached;
    const path = pathOf(name);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new UserError(`No template named "${name}".`, 'Run `refund-claim templates list` to see the templates.');
    }
    const template = handlebars.compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
    return template;
  };

  for (const [helper, fn] of Object.entries(TEMPLATE_HELPERS)) handlebars.registerHelper(helper, fn);
  for (const name of ['if', 'unless', 'each', 'with']) {
    const builtin = handlebars.helpers[name] as ((...raw: unknown[]) => unknown) | undefined;
    if (builtin) handlebars.registerHelper(name, guardBuiltin(name, builtin));
  }
  // Partials resolve lazily, so a user's override of a partial is found like any template.
  for (const name of builtinNames().filter((n) => n.startsWith('_'))) {
    handlebars.registerPartial(name.slice(1), (context: unknown, options?: RuntimeOptions) => {
      try {
        return compile(name)(context, options);
      } catch (error) {
        throw templateError(pathOf(name), error);
      }
    });
  }

  return {
    render(name, view) {
      try {
        return compile(name)(view);
      } catch (error) {
        throw templateError(pathOf(name), error);
      }
    },
    list(): TemplateInfo[] {
      return builtinNames().map((name) => {
        const user = join(dirs.user, `${name}${EXTENSION}`);
        return {
          name,
          description: describe(readFileSync(join(dirs.builtin, `${name}${EXTENSION}`), 'utf8')),
          overriddenBy: existsSync(user) ? user : null,
        };
      });
    },
    source(name) {
      try {
        return readFileSync(pathOf(name), 'utf8');
      } catch {
        throw new UserError(`No template named "${name}".`, 'Run `refund-claim templates list` to see the templates.');
      }
    },
    eject(name) {
      if (!builtinNames().includes(name)) {
        throw new UsageError(
          `No built-in template named "${name}".`,
          `The templates are: ${builtinNames().join(', ')}.`,
        );
      }
      const target = join(dirs.user, `${name}${EXTENSION}`);
      if (existsSync(target)) {
        throw new UserError(
          `${target} already exists; it is your copy of "${name}".`,
          'Edit it, or delete it to eject a fresh copy.',
        );
      }
      dirs.makeUserDir(dirs.user);
      copyFileSync(join(dirs.builtin, `${name}${EXTENSION}`), target);
      return target;
    },
  };
}

/** Turns Handlebars' errors into "file, line N: what is wrong" (one line). */
function templateError(path: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const message = (error as Error).message;
  const details = error as { lineNumber?: number };
  const parse = /^Parse error on line (\d+):[\s\S]*got '([^']+)'$/.exec(message);
  const unknown = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+$/.exec(message);
  let where: string;
  if (parse) {
    const why =
      parse[2] === 'EOF'
        ? 'the file ends inside a {{#…}} block that is never closed'
        : parse[2] === 'INVALID'
          ? 'a {{…}} is not closed with }} or holds a character it cannot'
          : `unexpected ${(parse[2] ?? '').toLowerCase().replaceAll('_', ' ')}`;
    where = `line ${parse[1]}: syntax error: ${why}`;
  } else if (unknown) {
    const line = Number(unknown[2]);
    const field = fieldAt(path, line, Number(unknown[3])) ?? unknown[1];
    where = `line ${line}: unknown field "${field}"`;
  } else if (error instanceof HelperArgumentError && error.line !== null) {
    const field = argumentAt(path, error.line, error.column ?? 0, error.index) ?? '?';
    where = `line ${error.line}: unknown field "${field}" (given to ${error.helper})`;
  } else if (error instanceof HelperValueError && error.line !== null) {
    // `promotion.name ("Summer sale")` for a field; a literal (`-5`, `"soon"`) is its own value.
    const argument = argumentAt(path, error.line, error.column ?? 0, error.index);
    const field = argument !== null && /^[A-Za-z_@.][\w.@/[\]-]*$/.test(argument) ? argument : null;
    const what = field === null ? error.shown : `${field} (${error.shown})`;
    where = `line ${error.line}: ${error.helper} cannot show ${what}: ${error.why}`;
  } else if (mismatch) {
    where = `line ${mismatch[3]}: {{/${mismatch[2]}}} closes a {{#${mismatch[1]}}} block`;
  } else {
    where = `${details.lineNumber ? `line ${details.lineNumber}: ` : ''}${message}`;
  }
  return new UserError(
    `Template ${path}, ${where}.`,
    'Fix the template (the README lists the fields each one can use), or delete it to use the built-in one.',
  );
}

/** The whole path Handlebars stopped at (`promotion.nmae`, not just `nmae`), from the source. */
function fieldAt(path: string, line: number, column: number): string | null {
  try {
    const text = readFileSync(path, 'utf8').split(/\r?\n/)[line - 1] ?? '';
    // Handlebars' column is where the path starts.
    return /^[\w.@/[\]-]+/.exec(text.slice(column))?.[0] ?? null;
  } catch {
    return null;
  }
}

/** The `index`-th argument of the `{{helper …}}` or `{{#helper …}}` that starts at line:column. */
function argumentAt(path: string, line: number, column: number, index: number): string | null {
  try {
    const text = readFileSync(path, 'utf8').split(/\r?\n/)[line - 1] ?? '';
    const mustache = /^\{\{~?[#^]?\s*[\w-]+((?:\s+[^\s}]+)*)/.exec(text.slice(column));
    return mustache?.[1]?.trim().split(/\s+/)[index] ?? null;
  } catch {
    return null;
  }
}
