import type { CommandUnit, IsoDate } from '@borough-command/domain';
import { compareUnits, unitKey, type BoroughCommandViews } from '@borough-command/projections';
import { accountabilitySection } from './accountability-section.js';
import { unitAnchors } from './anchors.js';
import { complianceSection } from './compliance-section.js';
import { continuitySection } from './continuity-section.js';
import { formatCount, formatRatio, formatTenure, NONE } from './format.js';
import { page } from './layout.js';
import { tenureSection } from './tenure-section.js';
import { timeAxisCovering } from './time-axis.js';

/** How to render the report. */
export interface ReportOptions {
  /** The date accountability is given for (AC-1), and the report's "as at". */
  readonly asAt: IsoDate;
  /** The page's title. */
  readonly title?: string;
  /** When the report was generated, as the caller wants it shown; the report reads no clock. */
  readonly generatedAt?: string;
  /** Notes shown at the top, e.g. that the officers are synthetic. */
  readonly notes?: readonly string[];
}

/** The title of a report given none. */
export const DEFAULT_REPORT_TITLE = 'Borough command: tenure, accountability and appointment compliance';

const unitsOf = (views: BoroughCommandViews): readonly CommandUnit[] => {
  const byKey = new Map<string, CommandUnit>();
  for (const unit of [...views.tenure.units(), ...views.continuity.units()]) byKey.set(unitKey(unit), unit);
  return [...byKey.values()].sort(compareUnits);
};

const datesOf = (views: BoroughCommandViews, units: readonly CommandUnit[], asAt: IsoDate): readonly IsoDate[] => [
  asAt,
  ...units.flatMap((unit) => {
    const tenure = views.tenure.tenureOf(unit);
    return [
      ...tenure.postings.flatMap((posting) => (posting.end === null ? [posting.start] : [posting.start, posting.end])),
      ...tenure.periods.flatMap((period) => (period.until === null ? [period.from] : [period.from, period.until])),
    ];
  }),
];

/**
 * The HTML report of the views, as one self-contained page (inline style and SVG, no script, no
 * request): tenure timelines per command unit (TE-1), continuity (TE-2), accountability of every
 * borough as at `asAt` (AC-1), appointment compliance (AC-2), and the notes. Everything that came
 * from events is escaped; the same views and options give the same page, byte for byte.
 */
export const renderReport = (views: BoroughCommandViews, options: ReportOptions): string => {
  const { asAt } = options;
  const units = unitsOf(views);
  const anchors = unitAnchors(units);
  const axis = timeAxisCovering(datesOf(views, units, asAt), asAt);
  const london = views.continuity.londonWide();
  const share = views.compliance.localAuthorityShare();
  const postings = units.reduce((sum, unit) => sum + views.tenure.tenureOf(unit).postings.length, 0);
  const title = options.title ?? DEFAULT_REPORT_TITLE;
  return page({
    title,
    asAt,
    generatedAt: options.generatedAt,
    notes: options.notes ?? [],
    summary: [
      ['Command units', formatCount(units.length)],
      ['Postings', formatCount(postings)],
      ['Mean tenure (ended substantive postings)', formatTenure(london.meanTenureDays)],
      ['Minimum term met', london.minimumTerm.applicable === 0 ? NONE : formatRatio(london.minimumTerm.met, london.minimumTerm.applicable, london.minimumTerm.share)],
      ['Breaches of the minimum term', formatCount(london.earlyDepartures.withoutExceptionalReason.length)],
      ['Decided appointments with local-authority involvement', share.decidedAppointments === 0 ? NONE : formatRatio(share.withLocalAuthority, share.decidedAppointments, share.share)],
    ],
    sections: [
      { id: 'tenure', heading: 'Tenure per command unit (TE-1)', body: tenureSection({ views, units, anchors, axis, asAt }) },
      { id: 'continuity', heading: 'Continuity of command (TE-2)', body: continuitySection({ views, units, anchors }) },
      { id: 'accountability', heading: `Accountability as at ${asAt} (AC-1)`, body: accountabilitySection({ views, anchors, asAt }) },
      { id: 'compliance', heading: 'Appointment compliance (AC-2)', body: complianceSection({ views, anchors }) },
    ],
  }).markup;
};
