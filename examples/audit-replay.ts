/**
 * An auditor's replay, through the public API only: open a journal read-only (every line's hash
 * chain is checked and every event decoded), rebuild the views from its first event, and print for
 * one appointment its audit trail (AU-1), its compliance with AP-2..AP-10 (AC-2), and the events
 * behind a figure: the appointment's part in the London-wide share of appointments decided with
 * the local authority involved.
 *
 *   npx tsx --conditions=@borough-command/source examples/audit-replay.ts <journal.ndjson> <appointment process id>
 *
 * Exit codes: 0 printed; 1 no such appointment in the journal; 2 bad usage, or a journal that
 * cannot be read (its file and line are named).
 */
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, openJournalStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { eventsBehind, rebuildViews, type EventRef } from '@borough-command/projections';

const [file, processId] = process.argv.slice(2);
const out = (line = ''): void => {
  console.log(line);
};
const refText = (ref: EventRef): string => `${ref.stream}@${ref.revision.toString()}`;
const dateOf = (recorded: RecordedEvent<DomainEvent>): string => {
  const data = recorded.event.data as { readonly at?: unknown; readonly start?: unknown };
  return typeof data.at === 'string' ? data.at : typeof data.start === 'string' ? data.start : '';
};

const audit = async (journal: string, id: string): Promise<number> => {
  // read-only: no writer lock is taken, a torn tail is reported but left as it is
  const opened = await openJournalStore(domainEventRegistry, { file: journal, readOnly: true })();
  if (E.isLeft(opened)) {
    console.error(`cannot read the journal: ${describeStoreError(opened.left)}`);
    return 2;
  }
  const store = opened.right;
  try {
    const { lines, head, tornTail } = store.recovery;
    out(`Journal ${journal}: ${lines.toString()} lines, hash chain intact, head ${head.slice(0, 16)}…`);
    if (tornTail !== undefined) out(`  an unfinished write from line ${tornTail.line.toString()} is not part of the history`);

    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) {
      console.error(`cannot replay the journal: ${rebuilt.left.message}`);
      return 2;
    }
    const { audit: auditView, compliance: complianceView } = rebuilt.right;
    const trail = auditView.trailOf(id);
    const compliance = complianceView.complianceOf(id);
    if (trail === undefined || compliance === undefined) {
      console.error(`no appointment process '${id}' in ${journal}; it holds: ${auditView.processes().join(', ') || 'none'}`);
      return 1;
    }

    const unit = trail.unit === null ? 'an unknown unit' : `${trail.unit.name} (${trail.unit.kind})`;
    out(`Appointment ${id}: ${trail.role ?? 'unknown role'} of ${unit}, ${compliance.stage}`);
    out();
    out('Audit trail (AU-1): every decision in the order recorded');
    trail.entries.forEach((entry, index) => {
      const people = entry.who.people.map((person) => `${person.name} (${person.role})`).join(', ');
      out(`  ${(index + 1).toString().padStart(2)}. ${entry.when.at} ${entry.rule.padEnd(5)} ${entry.decision}`);
      out(`      who: ${people === '' ? '-' : people}; recorded by ${entry.who.actor} at ${entry.when.recordedAt}`);
      if (entry.why !== null) out(`      why: ${entry.why}`);
      out(`      event: ${entry.step} ${refText(entry.source)}`);
    });
    out();
    out(`Compliance (AC-2): ${compliance.followed.length.toString()} of ${compliance.rules.length.toString()} rules followed`);
    for (const rule of compliance.rules) {
      out(`  ${rule.rule.padEnd(5)} ${rule.status.padEnd(14)} ${rule.explanation}`);
      out(`        evidence: ${rule.evidence.map(refText).join(', ') || 'none'}`);
    }
    out();

    const share = complianceView.localAuthorityShare();
    const percent = share.share === null ? 'n/a' : `${Math.round(share.share * 100).toString()}%`;
    out(`Figure (AC-2): ${share.withLocalAuthority.toString()} of ${share.decidedAppointments.toString()} decided appointments had the local authority involved (${percent})`);
    const row = share.appointments.find((appointment) => appointment.processId === id);
    if (row === undefined) {
      out(`  ${id} is not counted: it has no final decision`);
      return 0;
    }
    out(`  ${id} counts as ${row.involved ? 'involved' : 'not involved'}, because of these events:`);
    const behind = await eventsBehind(store, row.sources)();
    if (E.isLeft(behind)) {
      console.error(`cannot read the events behind the figure: ${behind.left._tag === 'CitedEventMissing' ? behind.left.message : describeStoreError(behind.left)}`);
      return 2;
    }
    for (const recorded of behind.right) {
      out(`    #${recorded.position.toString()} ${recorded.stream}@${recorded.revision.toString()} ${recorded.event.type} ${dateOf(recorded)} by ${recorded.metadata.actor} (event ${recorded.metadata.eventId})`);
    }
    return 0;
  } finally {
    await store.close();
  }
};

if (file === undefined || processId === undefined) {
  console.error('usage: audit-replay.ts <journal.ndjson> <appointment process id>');
  process.exitCode = 2;
} else {
  process.exitCode = await audit(file, processId);
}
