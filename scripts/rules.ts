import { join } from 'node:path';
import { seedsPolicyHistory } from '@borough-command/domain';
import { renderPolicyValueVersions } from './policy-values-doc.js';
import { ruleEntries } from './rules-catalogue.js';
import { filesUnder, fromRoot, repositoryRoot, testTitlesIn, textOf } from './source-scan.js';

const idPattern = (id: string): RegExp => new RegExp(`(//\\s*(?:[A-Z]{2}-\\d+[ ,/and]+)*${id}\\b|rule: '${id}')`);

const sourcesIn = (folder: string): string[] => filesUnder(join(repositoryRoot, folder), (name) => name.endsWith('.ts'));

/**
 * Rules are enforced in the domain package; views (TE, AC, AU) are built in the projections
 * package; the policy's history (PH) is kept by the domain and read by the views.
 */
const sourceFiles = (id: string): string[] =>
  /^(AP|PO|RS)-/.test(id)
    ? sourcesIn('packages/domain/src')
    : /^PH-/.test(id)
      ? [...sourcesIn('packages/domain/src'), ...sourcesIn('packages/projections/src')]
      : sourcesIn('packages/projections/src');

const testFiles = (): string[] => [
  ...filesUnder(join(repositoryRoot, 'packages'), (name) => name.endsWith('.test.ts')),
  ...filesUnder(join(repositoryRoot, 'examples'), (name) => name.endsWith('.test.ts')),
];

const link = (path: string): string => `[${path.split('/').slice(-1)[0] ?? path}](../${path})`;

/** Choices the rules leave open, as the library makes them. */
const choices: readonly string[] = [
  '**AP-1 to AP-11, date order**: the steps of an appointment must be dated in order; a step dated before the previous one is refused (`StepBackdated`, carrying the rule of the refused step), so that a final decision cannot be backdated before 2009-07-01 to skip AP-8.',
  '**AP-2**: only an endorsed version (endorsed on or before the command date) can be attached; the link borough commander and BCU commander roles are shipped unendorsed (their texts are not in the sources), so processes for them need a policy that endorses a version. Attaching is refused once a candidate has been interviewed; re-attaching the same version records nothing.',
  '**AP-3**: consultations may be recorded until the final decision; the first interview needs each kind of partner in `requiredPartners` of the version in force on its date (the local authority, its chief executive or leader; an MP; the MPA link member), and the rejection lists the kinds missing.',
  '**AP-2 to AP-9 and AP-11 in `record` mode**: a step that went ahead without the role description, the partners, the discussion with partners or the three-year commitment, a final decision whose appointee took up the post before it, a candidate interviewed a second time (AP-4), a candidate proposed without an interview, while another proposal was pending (the later one replaces it) or after one was agreed (AP-5), a declined candidate proposed again (AP-6), a process abandoned after its final decision (AP-11), and a step dated before the process\'s last step (a departure from that step\'s own rule) are recorded as they happened, after an `AppointmentRuleDeparted` event naming the rule and the rejection `enforce` mode would have given; AC-2 counts the rule as not followed and lists the departure, and AU-1 shows it.',
  '**RS-2, RS-3, RS-4, RS-5, RS-6, RS-7, RS-8 in `record` mode**: a BCU commander of another rank or interim outside a pathfinder, a BCU that went live without its consultations, its function leads and dedicated superintendents, its dedicated ward officers or a 24/7 station per borough, resources shared across its boroughs before it went live, a roll-out before the pathfinders\' evaluation and an evaluation before a pathfinder went live are recorded as they happened, after a `RestructureRuleDeparted` event (rule, rejection, words, BCU); AC-2 lists them. A BCU never goes live without its commander. PO-3 records `MinimumTermBreached`. **PO-1 and PO-5 in `record` mode**: a posting that starts inside an earlier, ended posting of the role (a real handover whose recorded dates overlap), a second substantive commander while one is in post, an acting commander beside the one in post, an officer holding two postings of the unit at once, and an assessment recorded after the posting ended (PO-5) are recorded after a `PostingRuleDeparted` event; AC-1 names the later-started commander on the days both are in post, TE-1 shows both, and AC-2 lists the departure. **RS-1 and RS-9 in `record` mode**: a BCU of a single borough, and a programme abandoned while a BCU of it is live (the BCU stays live until dissolved), are recorded after a `RestructureRuleDeparted` event. What `record` mode still refuses is what names nothing a record could be about or would reopen a closed one: an unknown process, candidate, posting, BCU or programme; a taken id or BCU name; a borough that is not one of the 32 or named twice; an answer of the ACTP with no proposal pending, or a discussion or final decision with no agreed candidate; an outcome report with no decision; any step of a completed or abandoned process, an ended posting ended or started again, a dissolved BCU or abandoned programme; a BCU of no borough; and a borough in two BCUs at once (AC-1 answers with one command unit per borough on a date).',
  '**AP-6**: a declined candidate cannot be proposed again in the same process.',
  '**AP-8**: the commitment must come from the candidate the ACTP agreed.',
  '**AP-9**: the oversight body recorded is the one in force on the decision date (the value `oversightBody` of the policy version in force); the partners involved are every partner consulted or in the discussion, once each, first seen first.',
  '**AP-12, RS-4**: a confirmed appointment starts a posting whose id is the process id; a BCU commander\'s posting starts in the BCU unit the day they are appointed (designate until the BCU goes live). A BCU commander appointed through an appointment process and also by the restructure gets the second start refused (PO-1), reported as a failed reaction.',
  '**PO-1**: one active substantive and one acting posting per role of a unit; an acting posting only covers a vacancy and ends the day a substantive commander starts; postings of one role may not overlap on the calendar; an officer holds one active posting per unit. A link borough commander is a separate role beside the borough commander.',
  '**PO-2**: the minimum term applies to substantive postings (not acting, not interim) whose role has a term in `minimumTerms` of the policy version in force on the day they start: borough and BCU commanders, three years, from 2009-07-01 ([below](#the-minimum-term-of-bcu-commanders)); the date it is reached is fixed when the posting starts.',
  '**PO-3**: an early end needs a reason in `exceptionalReasons`, shown as the reason asks (its circumstances in `detail` for a personal or professional reason; for organisational restructure, a named restructure that touches the unit), and `approvedBy`. In `enforce` mode (default) an early end without them is refused; in `record` mode it is recorded with a `MinimumTermBreached` event naming what was missing.',
  '**PH-1, PH-2**: a version the service is given that the store does not record yet is adopted (recorded on the policy\'s stream, decided by the actor of the first decision judged under it) before that decision; versions the store records take the place of given ones with the same first day.',
  '**PO-4**: an assessment cannot be dated before the posting started; one with no partner is accepted and flagged (`noPartnerInvolved`).',
  '**PO-6**: ending for a restructure is always exceptional and never a breach, whatever the policy says; it ends every active posting of the unit, substantive and acting.',
  '**RS-1, RS-3**: all programmes of a force share one stream (ADR 5). A BCU name is never reused in a force. An evaluation needs a pathfinder BCU live on or before its date, and a roll-out an evaluation dated on or before its start.',
  '**RS-2**: going live needs, for every borough, both its leader and its chief executive, and MOPAC, each consulted on or before the go-live date.',
  '**RS-4**: the rank is the policy\'s `bcuCommanderRank` (chief superintendent); interim commanders only in pathfinder BCUs, and an interim posting has no minimum term; a commander named before go-live holds a designate posting from the day named and takes command at go-live (`CommandTakenUp`); appointing a successor to a BCU that has a commander needs `predecessorLeaves` (the reason, and the circumstances and approval PO-3 asks for an early end), and the predecessor\'s posting ends, judged by PO-3, in the decision that starts the successor\'s. A commander whose posting ended with no successor named (`EndPosting`) leaves the BCU without one: before its next appointment or its go-live, the service records `BcuCommanderLeft` (`RecordBcuCommanderLeft`), so the next commander replaces no one, and a BCU whose designate left cannot go live until one is appointed.',
  '**RS-5**: the pathfinder limit of `superintendentsPerBcu` (4) distinct superintendents applies to pathfinder BCUs; each core function is led by a different superintendent (a second function is refused, and a BCU whose leads share one does not go live), who may also be dedicated to one or more boroughs; a new assignment replaces the earlier holder of a function or borough.',
  '**RS-7**: an allocation is per borough (`officersPerWard`, with named wards that differ); wards are counted from the 2014-2018 ward pattern (629 wards, 1,258 DWOs at two per ward); there is no maximum.',
  '**RS-9**: a programme with a live BCU cannot be abandoned (dissolve the BCU first); abandoning withdraws its proposed BCUs. A dissolved BCU frees its boroughs.',
];

const outOfScope: readonly string[] = [
  '**Budget responsibility, raising funds and buying in services** for borough commanders and their partners (000, objective 5): an aspiration "as part of any wider review of funding", with no rule to enforce.',
  '**Supervision ratios and co-commissioned custody** (004): the letter describes proposals under review ("no decisions have, as yet, been taken"), not rules.',
  '**The Commissioner\'s Policy Forum, the Performance Board and the Resources Board agendas** (002): descriptions of meetings; the Performance Board\'s monthly review of the 32 borough commands has no rule an event could break.',
  '**Met Forward outcomes** (000, objective 6): goals, not rules.',
];

/** Renders `docs/rules.md`: every rule with its source, the code that enforces it and the tests that prove it. */
export const renderRules = (): string => {
  const tests = testFiles().map((path) => ({ path: fromRoot(path), titles: testTitlesIn(textOf(path)) }));
  const rows = ruleEntries.map((entry) => {
    const pattern = idPattern(entry.id);
    const code = sourceFiles(entry.id)
      .filter((path) => pattern.test(textOf(path)))
      .map((path) => link(fromRoot(path)));
    const titlePattern = new RegExp(`\\b${entry.id}\\b`);
    const proving = tests
      .map((file) => ({ path: file.path, count: file.titles.filter((title) => titlePattern.test(title)).length }))
      .filter((file) => file.count > 0);
    const total = proving.reduce((sum, file) => sum + file.count, 0);
    const testCell = total === 0 ? '**none**' : `${String(total)}: ${proving.map((file) => link(file.path)).join(', ')}`;
    return `| ${entry.id} | ${entry.rule.replace(/\|/g, '\\|')} | ${entry.source.replace(/\|/g, '\\|')} | ${code.join(', ') || '—'} | ${testCell} |`;
  });
  return `${[
    '# Rules',
    '',
    'Every rule of the domain with its ID, the source documents it comes from (the seed documents 000',
    'to 004 listed at the end), the code that enforces it and the tests whose titles name it. Rejections',
    'carry the rule ID in their `rule` field; search the code for `// <ID>` or `rule: \'<ID>\'`. The',
    'code and tests columns are generated by `npm run docs:catalogue`; a test fails when they go stale.',
    'Views (TE, AC, AU) are described in [projections.md](projections.md); the policy\'s history (PH) is',
    '[below](#policy-values).',
    '',
    '| ID | rule | source | code | tests |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '## Choices the rules leave open',
    '',
    'Where a rule leaves a choice, the library makes it here; values a service may change are policy',
    '(`Policy` in `packages/domain/src/policy/policy.ts`, defaults in `defaultPolicy`).',
    '',
    ...choices.map((choice) => `- ${choice}`),
    '',
    '## Policy values',
    '',
    'The policy is a history of versions, each in force from its first day until the next one\'s, with a',
    'source (`PolicyVersion` in `packages/domain/src/policy/policy.ts`). A decision is judged by the',
    'version in force on its date and names it (PH-1); adopting a version is a recorded decision (PH-2).',
    'By default the versions are the seeds\' history (`seedsPolicyHistory`, `defaultPolicy`); `policyWith`',
    'changes values in every version, `policyChangedFrom` from a day on, and `borough-command apply',
    '--policy <file.json>` takes versions from a file ([cli.md](cli.md#policy-files)). How departures are',
    'handled (`enforcement`: `enforce` refuses them, `record` records a breach; PO-3) is the policy\'s, not a',
    'version\'s. The sections below are generated from `PolicyValues` and the seeds\' history: each value,',
    'and every version where it changed, with its first day and its source.',
    '',
    '### The minimum term of BCU commanders',
    '',
    'Seed 000 introduces "a minimum posting period of three years for borough commander roles" and',
    'expects each borough commander "appointed from July 2009" to have the "commitment to serve three',
    'years". Seed 003 (18 November 2016) moves local policing "from a Borough-based policing model to',
    'Basic Command Units", each led by a BCU commander, a chief superintendent, who commands what were',
    'two or three borough commands; the commanders of the merged units went on being called borough',
    'commanders in the press. The seeds\' history therefore gives `bcu-commander` the three years of',
    '`borough-commander` from 2009-07-01 (`minimumTerms` below); acting and interim postings have none.',
    'This is a reading of the sources rather than a sentence of them, so it takes one line to change:',
    '`policyWith({ minimumTerms: [{ role: \'borough-commander\', years: 3 }] })` leaves BCU commanders',
    'out in every version, and a policy file version with `"changes": { "minimumTerms": [...] }` does so',
    'from its first day on.',
    '',
    ...renderPolicyValueVersions(seedsPolicyHistory),
    '## Out of scope',
    '',
    'The sources also voice aspirations with no rule behind them; the library leaves them out:',
    '',
    ...outOfScope.map((item) => `- ${item}`),
    '',
    '## Sources',
    '',
    '- 000: Metropolitan Police Authority, project summary "Borough Commanders" (Met Forward, Met Connect strand).',
    '- 001: Metropolitan Police Authority, report 8 of 17 June 2010, "Area Commander and Borough Commander roles", with Appendix 1 (role definitions).',
    '- 002: MPS boards: Commissioner\'s Policy Forum, Performance Board, Resources Board.',
    '- 003: Met Police news, 18 November 2016, "Modernising the Metropolitan Police Service" (BCU pathfinders).',
    '- 004: Letter of 6 September 2012 from the Commissioner to the Chair of London Councils, "Improvements to Borough Policing".',
  ].join('\n')}\n`;
};
