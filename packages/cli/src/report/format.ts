import type { CommanderRole, CommandUnit, EndReason, Officer, Partner, PartnerKind, Rank } from '@borough-command/domain';

/** What the report prints where a value is absent. */
export const NONE = '—';

const DAYS_PER_YEAR = 365.25;

/** A whole number with thousands separated by commas, the same on every machine (no locale). */
export const formatCount = (value: number): string => {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
};

/** Days as a count and in years to one decimal: `1,028 days (2.8 years)`; the absent mark for null. */
export const formatTenure = (days: number | null): string =>
  days === null ? NONE : `${formatCount(days)} days (${(days / DAYS_PER_YEAR).toFixed(1)} years)`;

/** A share from 0 to 1 as a percentage to one decimal; the absent mark for null. */
export const formatShare = (share: number | null): string => (share === null ? NONE : `${(share * 100).toFixed(1)}%`);

/** `met of total (share)`, e.g. `38 of 84 (45.2%)`. */
export const formatRatio = (part: number, whole: number, share: number | null): string =>
  `${formatCount(part)} of ${formatCount(whole)} (${formatShare(share)})`;

const ROLE_LABELS: Readonly<Record<CommanderRole, string>> = {
  'borough-commander': 'Borough commander',
  'link-borough-commander': 'Link borough commander',
  'bcu-commander': 'BCU commander',
};

/** A commander role in words: `Borough commander`. */
export const roleLabel = (role: CommanderRole): string => ROLE_LABELS[role];

/** A rank in words: `chief superintendent`. */
export const rankLabel = (rank: Rank): string => rank.replaceAll('-', ' ');

/** An end reason in words: `organisational restructure`. */
export const endReasonLabel = (reason: EndReason): string => reason.replaceAll('-', ' ');

const PARTNER_KIND_LABELS: Readonly<Record<PartnerKind, string>> = {
  'local-authority-chief-executive': 'local authority chief executive',
  'local-authority-leader': 'local authority leader',
  mp: 'MP',
  'link-member': 'police authority link member',
  other: 'other partner',
};

/** A kind of partner in words: `local authority leader`, `MP`. */
export const partnerKindLabel = (kind: PartnerKind): string => PARTNER_KIND_LABELS[kind];

/** A partner with their kind: `Jane Doe (local authority leader)`. */
export const partnerText = (partner: Partner): string => `${partner.name} (${partnerKindLabel(partner.kind)})`;

/** An officer with their rank: `Jane Doe, chief superintendent`. */
export const officerText = (officer: Officer): string => `${officer.name}, ${rankLabel(officer.rank)}`;

/** A command unit by name, BCUs marked: `Camden`, `Central North BCU`. */
export const unitLabel = (unit: CommandUnit): string => (unit.kind === 'bcu' ? `${unit.name} BCU` : unit.name);
