/**
 * HTML written as text, with every piece of text escaped on the way in: `h('td', null, name)`.
 * The page is text, not a DOM: a store of thousands of claims makes tables of thousands of rows,
 * and building them as DOM nodes (linkedom) took seconds. Only the charts use a DOM, Plot's.
 */

/** HTML that is already safe to put in a page: built by `h`, or our own constant (`raw`). */
export class Markup {
  constructor(readonly html: string) {}

  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | number | null | undefined | false | readonly Child[];
export type Attributes = Record<string, string | number | null | undefined | false>;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as HTML shows it: `&`, `<`, `>` and `"` escaped, so that it is never read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => TEXT_ESCAPES[character] ?? character);
}

/** Markup we wrote ourselves (the stylesheet), taken as it is. Never for text from a claim. */
export function raw(html: string): Markup {
  return new Markup(html);
}

/** Elements without content or end tag. */
const VOID = new Set(['meta', 'br', 'hr', 'col']);

/** `h('td', {class: 'n'}, 'USD 12.00')`: an element with its attributes and children. */
export function h(tag: string, attributes?: Attributes | null, ...children: Child[]): Markup {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== null && value !== undefined && value !== false) open += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new Markup(VOID.has(tag) ? `${open}>` : `${open}>${content(children)}</${tag}>`);
}

function content(children: readonly Child[]): string {
  let html = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof Markup) html += child.html;
    else if (Array.isArray(child)) html += content(child as readonly Child[]);
    else html += escapeHtml(String(child));
  }
  return html;
}
