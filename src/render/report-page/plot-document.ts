/**
 * The document Plot draws into on the server: linkedom's, typed here with the little the charts
 * use (the project compiles without the browser's DOM types, which linkedom and Plot speak).
 */
import { parseHTML } from 'linkedom';

export interface PlotElement {
  readonly tagName: string;
  readonly children: ArrayLike<PlotElement>;
  readonly outerHTML: string;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  prepend(...nodes: PlotElement[]): void;
}

export interface PlotDocument {
  createElement(tag: string): PlotElement;
}

/** An empty HTML document for Plot to create its elements in. */
export function plotDocument(): PlotDocument {
  const window = parseHTML('<!DOCTYPE html><html lang="en"><head></head><body></body></html>') as unknown as {
    document: PlotDocument;
  };
  return window.document;
}
