/**
 * A connection string with the host left out (`esdb://user:password`) holds the password where a
 * port number should be; the redactor masks it there too, while ports and IPv6 addresses are left
 * as they are. The command line quotes such a string when it cannot be parsed, so this is what
 * keeps the password off its stderr (`packages/cli/test/reliability/eventstore-security.test.ts`).
 * A connection string with an empty host is refused before a client is made: the client would try
 * to reach the empty host without end (a command line given `esdb://:2113` never returned).
 */
import * as E from 'fp-ts/lib/Either.js';
import { conformanceRegistry } from '@borough-command/testing';
import { describe, expect, it } from 'vitest';
import { createEventStoreDbStore, createRedactor, secretsOf } from '../../src/index.js';

const masked = (connectionString: string): string => createRedactor(secretsOf(connectionString))(`--eventstore ${connectionString}: not valid`);

describe('eventstoredb redaction of a connection string without a host', () => {
  it('eventstoredb: masks a password written where the port should be, as written and percent-decoded', () => {
    expect(masked('esdb://ops-auditor:S3cr3t%40pw-9f2c')).toBe('--eventstore esdb://ops-auditor:***: not valid');
    expect(createRedactor(secretsOf('esdb://ops-auditor:S3cr3t%40pw-9f2c'))('the password S3cr3t@pw-9f2c')).toBe('the password ***');
    expect(masked('esdb://node1:2113,admin:changeit?tls=true')).toBe('--eventstore esdb://node1:2113,admin:***?tls=true: not valid');
  });

  it('eventstoredb: leaves ports, IPv6 addresses and strings without credentials alone', () => {
    expect(secretsOf('esdb://localhost:2113?tls=false')).toEqual([]);
    expect(secretsOf('esdb://node1:2113,node2:2113,node3:2113')).toEqual([]);
    expect(secretsOf('esdb://[::1]:2113?tls=false')).toEqual([]);
    expect(secretsOf('esdb+discover://cluster.example.org')).toEqual([]);
  });
});

describe('eventstoredb connection strings with an empty host', () => {
  it('eventstoredb: an empty host (esdb://:2113, a trailing comma in a list) is refused at once, without quoting the string: the client would try to reach it without end', () => {
    for (const [connectionString, reason] of [
      ['esdb://:2113?tls=false', 'it names no host'],
      ['esdb://ops:S3cr3t@:2113,', 'host 1 of its 2 hosts is empty'],
      ['esdb://node1:2113,?tls=false', 'host 2 of its 2 hosts is empty'],
    ] as const) {
      const opened = createEventStoreDbStore(conformanceRegistry, { connectionString });
      expect(E.isLeft(opened) && opened.left, connectionString).toEqual({
        _tag: 'InvalidStoreArgument',
        operation: 'open an EventStoreDB store',
        reason: `the connection string is not valid: ${reason}`,
      });
    }
    // names and addresses are hosts
    for (const connectionString of ['esdb://localhost:2113?tls=false', 'esdb://admin:changeit@node1:2113,node2:2113', 'esdb+discover://cluster.example.org']) {
      const opened = createEventStoreDbStore(conformanceRegistry, { connectionString });
      expect(E.isRight(opened), connectionString).toBe(true);
      if (E.isRight(opened)) void opened.right.close();
    }
  });
});
