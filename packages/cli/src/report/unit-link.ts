import type { CommandUnit } from '@borough-command/domain';
import type { UnitAnchors } from './anchors.js';
import { unitLabel } from './format.js';
import { html, type Html } from './html.js';

/** A unit's name, linked to its tenure section when the page has one. */
export const unitLink = (anchors: UnitAnchors, unit: CommandUnit): Html => {
  const anchor = anchors.of(unit);
  return anchor === null ? html`${unitLabel(unit)}` : html`<a href="#${anchor}">${unitLabel(unit)}</a>`;
};
