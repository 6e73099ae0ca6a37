/** Reading the report's markup back in tests, without a browser. */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Turns the five entities the report writes back into characters. */
export const decodeEntities = (markup: string): string => markup.replace(/&(amp|lt|gt|quot|#39);/g, (_match, name: string) => ENTITIES[name] ?? '');

/** A posting bar of a tenure chart, as written in the page. */
export interface BarMarkup {
  readonly classes: readonly string[];
  readonly postingId: string;
  readonly title: string;
}

const BAR = /<rect class="([^"]*)" data-posting-id="([^"]*)"[^>]*><title>([^<]*)<\/title><\/rect>/g;

/** Every posting bar of the page, in page order, its attribute values and title decoded. */
export const barsOf = (page: string): readonly BarMarkup[] =>
  [...page.matchAll(BAR)]
    .filter((match) => (match[1] ?? '').split(' ').includes('posting-bar'))
    .map((match) => ({ classes: (match[1] ?? '').split(' '), postingId: decodeEntities(match[2] ?? ''), title: decodeEntities(match[3] ?? '') }));

/** How many times a piece of text occurs in the page. */
export const occurrences = (page: string, needle: string): number => page.split(needle).length - 1;

/** The markup of the page's section with an id, up to the next section of the same level. */
export const sectionOf = (page: string, id: string): string => {
  const start = page.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`the page has no section ${id}`);
  const next = page.indexOf('<section id="', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
};
