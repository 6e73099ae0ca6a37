/**
 * Many writers in separate processes on one PostgreSQL schema: four node processes, each with its
 * own store and connections, send commands at the same moment (a substantive commander for each
 * of four boroughs, a BCU proposal overlapping every other, and one command all four share). The
 * log read back keeps PO-1 and RS-1, holds every acknowledged event exactly once, and nothing else.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, isoDate, policyWith, postingStream } from '@borough-command/domain';
import { bundledScript, checkLedger, postingViolations, readAllEvents, restructureViolations } from '@borough-command/test-machinery';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';
import { RACED_BOROUGHS } from './support/racing-commands.js';

const WRITERS = 4;
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./support/racing-writer.ts', import.meta.url));

interface WriterReport {
  readonly acknowledged: readonly string[];
  readonly refused: readonly string[];
  readonly resent: number;
}

/** A writer process: resolves `ready` once it has opened its store, `report` when it ends. */
const startWriter = (schema: string, writer: number) => {
  const child = spawn(process.execPath, [bundledScript(SCRIPT), postgresUrl(), schema, String(writer)], {
    cwd: PACKAGE,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const report = new Promise<WriterReport>((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer ${String(writer)} exited with ${String(code)}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as WriterReport);
    });
  });
  return { ready, report, go: () => child.stdin.end('go\n') };
};

describe('postgres: writers in separate processes', () => {
  it('four processes racing: one commander per borough (PO-1), one BCU over shared boroughs (RS-1), every acknowledged event once', async () => {
    const schema = await freshSchema('processes');
    const store = createPostgresStore(domainEventRegistry, { connectionString: postgresUrl() }, { schema });
    if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
    try {
      const setup = await createBoroughCommand({ store: store.right, policy: policyWith({ enforcement: 'enforce' }) }).execute(
        { type: 'StartRestructureProgramme', commandId: 'pathfinder programme', at: isoDate('2016-10-01'), restructureId: 'met', programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
        { actor: 'setup' },
      )();
      if (E.isLeft(setup)) throw new Error(JSON.stringify(setup.left));
      const setupIds = setup.right.handled.flatMap((handled) => handled.result.events.map((recorded) => recorded.metadata.eventId));
      const writers = Array.from({ length: WRITERS }, (_, writer) => startWriter(schema, writer));
      await Promise.all(writers.map((writer) => writer.ready));
      for (const writer of writers) writer.go();
      const reports = await Promise.all(writers.map((writer) => writer.report));

      const log = await readAllEvents(store.right);
      const acknowledged = new Set([...setupIds, ...reports.flatMap((report) => report.acknowledged)]);
      expect(checkLedger(log, acknowledged)).toMatchObject({ lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });
      expect([...postingViolations(log), ...restructureViolations(log)]).toEqual([]);
      for (const name of RACED_BOROUGHS) {
        const started = log.filter((recorded) => recorded.stream === postingStream({ kind: 'borough', name }) && recorded.event.type === 'PostingStarted');
        expect(started).toHaveLength(1);
      }
      expect(log.filter((recorded) => recorded.event.type === 'BcuProposed')).toHaveLength(1);
      expect(log.filter((recorded) => recorded.event.type === 'AppointmentProcessOpened')).toHaveLength(1);
      const refused = reports.flatMap((report) => report.refused);
      expect(refused.filter((rule) => rule === 'PO-1')).toHaveLength(RACED_BOROUGHS.length * (WRITERS - 1));
      expect(refused.filter((rule) => rule === 'RS-1')).toHaveLength(WRITERS - 1);
      const resent = reports.reduce((sum, report) => sum + report.resent, 0);
      console.log(`writers in separate processes, postgres: ${String(WRITERS)} processes, ${String(log.length)} events checked, ${String(acknowledged.size)} acknowledged, refused PO-1 ${String(RACED_BOROUGHS.length * (WRITERS - 1))} / RS-1 ${String(WRITERS - 1)}, ${String(resent)} resent, lost 0, doubled 0`);
    } finally {
      await store.right.close();
    }
  }, 60_000);
});
