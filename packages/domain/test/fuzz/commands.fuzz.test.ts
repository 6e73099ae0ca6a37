/**
 * Bad commands through the public API: `decodeCommand` and `executeJson` of `createBoroughCommand`.
 * Every bad command is an `InvalidCommand` naming the broken field, nothing is written, no
 * prototype changes; fields a command does not declare are ignored and never stored.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  anyCommandArbitrary,
  badCommandArbitrary,
  codecShapeOf,
  commandCodecOf,
  commandWithUnknownFieldsArbitrary,
  createFuzzTally,
  fuzzRuns,
  fuzzTimeout,
  namesBrokenField,
  prototypePollution,
  prototypeSnapshot,
} from '@borough-command/test-machinery';
import { createBoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { decodeCommand } from '../../src/borough-command/domain-commands.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';

const RUNS = fuzzRuns(300);
const TIMEOUT = fuzzTimeout(RUNS, 5);
const tallies = {
  decode: createFuzzTally('decodeCommand'),
  execute: createFuzzTally('executeJson'),
  unknownFields: createFuzzTally('executeJson, unknown fields'),
  notJson: createFuzzTally('executeJson, values that are not JSON'),
};
afterAll(() => {
  for (const tally of Object.values(tallies)) console.log(`fuzz ${tally.summary()}`);
});

const context = { actor: 'fuzz' };
const clock = (): Date => new Date('2020-01-01T00:00:00.000Z');

const allEvents = async (store: EventStore<DomainEvent>): Promise<RecordedEvent<DomainEvent>[]> => {
  const events: RecordedEvent<DomainEvent>[] = [];
  for await (const page of store.readAll()) {
    if (E.isLeft(page)) throw new Error(page.left._tag);
    events.push(...page.right);
  }
  return events;
};

/** A store holding one process already, so that a write would show. */
const seededStore = async (): Promise<EventStore<DomainEvent>> => {
  const store = createInMemoryStore(domainEventRegistry);
  const opened = await createBoroughCommand({ store, clock }).executeJson(
    {
      type: 'OpenAppointmentProcess', commandId: 'seed-1', at: '2012-03-01', processId: 'seed-2012',
      unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Cdr Area North',
    },
    context,
  )();
  if (E.isLeft(opened)) throw new Error(opened.left._tag);
  return store;
};

describe('fuzz: commands through the public API', () => {
  it('fuzz: decodeCommand refuses every bad command with an InvalidCommand naming the broken field', () => {
    fc.assert(
      fc.property(badCommandArbitrary(), (bad) => {
        const before = prototypeSnapshot();
        const decoded = decodeCommand(JSON.parse(bad.text));
        tallies.decode.count(bad.kind);
        expect(E.isLeft(decoded)).toBe(true);
        if (E.isRight(decoded)) return;
        expect(decoded.left._tag).toBe('InvalidCommand');
        expect(namesBrokenField(bad, decoded.left.path), `path '${decoded.left.path}' for field '${bad.field}'`).toBe(true);
        if (decoded.left.path !== '') expect(decoded.left.message).toContain(`field '${decoded.left.path}'`);
        expect(decoded.left.reason.length).toBeGreaterThan(0);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('fuzz: executeJson refuses every bad command, names the field and writes nothing', async () => {
    const store = await seededStore();
    const service = createBoroughCommand({ store, clock });
    const seeded = await allEvents(store);
    await fc.assert(
      fc.asyncProperty(badCommandArbitrary(), async (bad) => {
        const before = prototypeSnapshot();
        const executed = await service.executeJson(JSON.parse(bad.text), context)();
        tallies.execute.count(bad.kind);
        expect(E.isLeft(executed) && executed.left._tag).toBe('InvalidCommand');
        if (E.isLeft(executed) && executed.left._tag === 'InvalidCommand') expect(namesBrokenField(bad, executed.left.path)).toBe(true);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(await allEvents(store)).toEqual(seeded);
  }, TIMEOUT);

  it('fuzz: fields a command does not declare, however named or large, are ignored and never stored', async () => {
    await fc.assert(
      fc.asyncProperty(commandWithUnknownFieldsArbitrary(), async ({ command, text, added }) => {
        const before = prototypeSnapshot();
        tallies.unknownFields.count(added.some((path) => /(^|\.)(__proto__|constructor|prototype)$/.test(path)) ? 'prototype key' : 'other name');
        const decoded = decodeCommand(JSON.parse(text));
        expect(decoded).toEqual(E.right(command));
        const plainStore = createInMemoryStore(domainEventRegistry);
        const paddedStore = createInMemoryStore(domainEventRegistry);
        const plain = await createBoroughCommand({ store: plainStore, clock }).executeJson(JSON.parse(JSON.stringify(command)), context)();
        const padded = await createBoroughCommand({ store: paddedStore, clock }).executeJson(JSON.parse(text), context)();
        expect(E.isLeft(padded) ? padded.left._tag : 'executed').toBe(E.isLeft(plain) ? plain.left._tag : 'executed');
        expect(await allEvents(paddedStore)).toEqual(await allEvents(plainStore));
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('fuzz: values JSON cannot hold (undefined, bigint, functions, symbols, dates, maps, cycles) are refused, or ignored in unknown fields', async () => {
    const store = await seededStore();
    const service = createBoroughCommand({ store, clock });
    const seeded = await allEvents(store);
    const strange = fc.constantFrom<readonly [string, () => unknown]>(
      ['undefined', () => undefined],
      ['bigint', () => 10n ** 30n],
      ['function', () => () => 'Camden'],
      ['symbol', () => Symbol('Camden')],
      ['date', () => new Date('2012-03-01')],
      ['map', () => new Map([['kind', 'borough']])],
      ['cycle', () => {
        const cycle: Record<string, unknown> = { kind: 'borough' };
        cycle['self'] = cycle;
        return cycle;
      }],
    );
    await fc.assert(
      fc.asyncProperty(anyCommandArbitrary, strange, fc.boolean(), fc.nat(), async (command, [kind, make], inUnknownField, pick) => {
        const before = prototypeSnapshot();
        const json = JSON.parse(JSON.stringify(command)) as Record<string, unknown>;
        const { slots } = codecShapeOf(commandCodecOf(command.type), json);
        if (inUnknownField) {
          tallies.notJson.count(`${kind} in an unknown field`);
          json['strange'] = make();
          expect(decodeCommand(json)).toEqual(E.right(command));
        } else {
          tallies.notJson.count(`${kind} in a field`);
          // an optional field set to undefined is a field left out
          const candidates = kind === 'undefined' ? slots.filter((candidate) => candidate.required) : slots;
          const slot = candidates[pick % candidates.length];
          if (slot === undefined) throw new Error(`${command.type} has no fields`);
          let parent: unknown = json;
          for (const key of slot.at.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
          (parent as Record<string | number, unknown>)[slot.at[slot.at.length - 1] as string | number] = make();
          const executed = await service.executeJson(json, context)();
          expect(E.isLeft(executed) && executed.left._tag).toBe('InvalidCommand');
          if (E.isLeft(executed) && executed.left._tag === 'InvalidCommand') {
            expect(namesBrokenField({ field: slot.path, within: true }, executed.left.path), `${executed.left.path} for ${slot.path}`).toBe(true);
          }
        }
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(await allEvents(store)).toEqual(seeded);
  }, TIMEOUT);
});
