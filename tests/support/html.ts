import { parse, type HTMLElement } from 'node-html-parser';

/** Parses an HTML response body so tests can assert on the ids the HTTP contract promises. */
export function html(body: string): HTMLElement {
  return parse(body);
}

/** Text of the element with `id`, whitespace-collapsed; throws if it is missing. */
export function textOf(body: string, selector: string): string {
  const el = parse(body).querySelector(selector);
  if (!el) throw new Error(`No element matches ${selector}`);
  return el.textContent.replace(/\s+/g, ' ').trim();
}
