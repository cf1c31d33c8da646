/**
 * The little of the DOM the page is built with, typed here: the project compiles without the
 * browser's DOM types, and linkedom and Plot speak them. linkedom escapes every text node when the
 * document is serialised, so text from claims never reaches the page as markup.
 */
import { parseHTML } from 'linkedom';

export interface PageNode {
  readonly nodeName: string;
}

export interface PageElement extends PageNode {
  readonly tagName: string;
  readonly children: ArrayLike<PageElement>;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: (PageNode | string)[]): void;
  prepend(...nodes: (PageNode | string)[]): void;
}

export interface PageDocument {
  readonly head: PageElement;
  readonly body: PageElement;
  readonly documentElement: PageElement;
  createElement(tag: string): PageElement;
  toString(): string;
}

/** An empty HTML document in English. */
export function newDocument(): PageDocument {
  const window = parseHTML('<!DOCTYPE html><html lang="en"><head></head><body></body></html>') as unknown as {
    document: PageDocument;
  };
  return window.document;
}

export type Child = PageNode | string | number | null | undefined | false | readonly Child[];
export type Attributes = Record<string, string | number | null | undefined | false>;

/** `h('td', {class: 'amount'}, 'USD 12.00')`: an element with its attributes and children. */
export type H = (tag: string, attributes?: Attributes | null, ...children: Child[]) => PageElement;

export function elementBuilder(document: PageDocument): H {
  return (tag, attributes, ...children) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (value !== null && value !== undefined && value !== false) element.setAttribute(name, String(value));
    }
    appendAll(element, children);
    return element;
  };
}

function appendAll(element: PageElement, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendAll(element, child as readonly Child[]);
    else element.append(typeof child === 'number' ? String(child) : (child as PageNode | string));
  }
}
