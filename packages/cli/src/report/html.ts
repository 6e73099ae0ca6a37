/**
 * Markup that is safe to place in the report: every piece of text that came from events goes
 * through `escapeHtml` on its way in, because the only way to build `Html` from data is the `html`
 * template, which escapes every value that is not already `Html`.
 */
export interface Html {
  readonly _tag: 'Html';
  readonly markup: string;
}

/** What the `html` template accepts between its literal parts: markup, text, numbers, lists of these, or nothing. */
export type HtmlValue = Html | string | number | null | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value: `& < > " '` become entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

const isHtml = (value: HtmlValue): value is Html => typeof value === 'object' && value !== null && !Array.isArray(value);

const markupOf = (value: HtmlValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (isHtml(value)) return value.markup;
  return value.map(markupOf).join('');
};

/** Builds markup from a template: the literal parts are markup, every value is escaped unless it is already `Html`. */
export const html = (literals: TemplateStringsArray, ...values: readonly HtmlValue[]): Html => {
  let markup = literals[0] ?? '';
  values.forEach((value, index) => {
    markup += markupOf(value) + (literals[index + 1] ?? '');
  });
  return { _tag: 'Html', markup };
};

/** Markup written in the report's own code (its style sheet), never data: passed through as it is. */
export const trustedMarkup = (markup: string): Html => ({ _tag: 'Html', markup });

/** Joins pieces of markup with a separator, itself escaped unless it is `Html`. */
export const joinHtml = (parts: readonly HtmlValue[], separator: HtmlValue = ''): Html => {
  const glue = markupOf(separator);
  return { _tag: 'Html', markup: parts.map(markupOf).join(glue) };
};

/** No markup at all. */
export const noHtml: Html = { _tag: 'Html', markup: '' };
