import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/eventsourcing/codec-registry.js';
import { restructureEventDefinitions, type RestructureEvent } from '../../src/restructure/restructure-events.js';
import {
  centralNorth,
  centralNorthBoroughs,
  chiefSuperintendent,
  command,
  commanderAppointed,
  day,
  given,
  proposed,
  restructureId,
  roper,
  started,
} from './restructure-fixtures.js';

const registry = createRegistry(restructureEventDefinitions);
const where = { stream: 'restructure-met', revision: 3n };

/** A `BcuCommanderAppointed` as journals wrote it before version 2: no `live`, `predecessor` or `predecessorLeaves`. */
const storedV1 = {
  type: 'BcuCommanderAppointed',
  schemaVersion: 1,
  data: { restructureId, bcu: centralNorth, officer: roper, interim: true, at: day(3) },
};

const decodedV1 = (): RestructureEvent => {
  const decoded = registry.decode(storedV1, where);
  if (E.isLeft(decoded)) throw new Error(`a version 1 appointment does not decode: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

describe('BcuCommanderAppointed versions (RS-4)', () => {
  it('RS-4 the appointment event is at schema version 2', () => {
    expect(registry.versionOf('BcuCommanderAppointed')).toBe(2);
    const stored = registry.encode(commanderAppointed(centralNorth, roper, true), where);
    expect(E.isRight(stored) && stored.right.schemaVersion).toBe(2);
  });

  it('RS-4 a version 1 appointment read from a journal decodes to the version 2 shape: not live, no predecessor, no departure', () => {
    expect(decodedV1()).toEqual({
      type: 'BcuCommanderAppointed',
      data: {
        restructureId,
        bcu: centralNorth,
        officer: roper,
        interim: true,
        live: false,
        predecessor: null,
        predecessorLeaves: null,
        at: day(3),
      },
    });
  });

  it('RS-4 a version 2 appointment with a predecessor survives the journal unchanged', () => {
    const event = commanderAppointed(centralNorth, chiefSuperintendent('cs-kohli', 'Raj Kohli'), false, day(500), {
      live: true,
      predecessor: roper,
      predecessorLeaves: { reason: 'promotion', detail: 'Promoted commander', approvedBy: null },
    });
    const stored = registry.encode(event, where);
    if (E.isLeft(stored)) throw new Error(JSON.stringify(stored.left));
    expect(registry.decode(JSON.parse(JSON.stringify(stored.right)) as typeof stored.right, where)).toEqual(E.right(event));
  });

  it('RS-4 a commander appointed in a version 1 journal is still in place: a successor needs the predecessor’s departure', () => {
    const journal = [started('pathfinder', 'pathfinder'), proposed(centralNorth, centralNorthBoroughs), decodedV1()];
    const successor = chiefSuperintendent('cs-kohli', 'Raj Kohli');
    given(journal)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: successor, interim: true }, day(20)))
      .then({ _tag: 'PredecessorDepartureMissing', rule: 'RS-4', commander: roper });
    given(journal)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: successor, interim: true, predecessorLeaves: { reason: 'personal' } }, day(20)))
      .then([
        commanderAppointed(centralNorth, successor, true, day(20), {
          predecessor: roper,
          predecessorLeaves: { reason: 'personal', detail: null, approvedBy: null },
        }),
      ]);
  });
});
