/** Every rule of the appointment process, the posting, the BCU restructure and the policy's history, by ID. */
export const ruleIds = [
  'AP-1', 'AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10', 'AP-11', 'AP-12',
  'PO-1', 'PO-2', 'PO-3', 'PO-4', 'PO-5', 'PO-6',
  'RS-1', 'RS-2', 'RS-3', 'RS-4', 'RS-5', 'RS-6', 'RS-7', 'RS-8', 'RS-9',
  'PH-1', 'PH-2',
] as const;

/** A rule ID such as `AP-3`; see `docs/rules.md`. */
export type RuleId = (typeof ruleIds)[number];

/** What every rejection of a command carries: its tag, the rule it enforces, and a sentence. */
export interface RuleViolation<Tag extends string = string> {
  readonly _tag: Tag;
  readonly rule: RuleId;
  readonly message: string;
}
