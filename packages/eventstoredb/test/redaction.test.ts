/** The redactor on its own: which shapes of credentials it masks, and that it leaves the rest alone. */
import { describe, expect, it } from 'vitest';
import { createRedactor, secretsOf } from '../src/index.js';

describe('eventstoredb redaction', () => {
  it('masks the user-info of any URL, password and token fields, and the literal secrets of a connection string', () => {
    const connectionString = 'esdb://admin:p%40ss-w0rd@node1:2113,node2:2113?tls=true&tlsVerifyCert=false';
    const redact = createRedactor(secretsOf(connectionString));
    expect(redact(`cannot reach ${connectionString}`)).toBe('cannot reach esdb://***@node1:2113,node2:2113?tls=true&tlsVerifyCert=false');
    expect(redact('https://user:secret@example.org/x and esdb+discover://tok@cluster.local:2113')).toBe('https://***@example.org/x and esdb+discover://***@cluster.local:2113');
    expect(redact('options {"password":"hunter2","token": "abc.def", user: admin} ?password=x&passwd=y')).toBe(
      'options {"password":"***","token": "***", user: admin} ?password=***&passwd=***',
    );
    // The password as written, percent-decoded, and in the Basic authorization header's form.
    expect(redact('p%40ss-w0rd / p@ss-w0rd / YWRtaW46cEBzcy13MHJk')).toBe('*** / *** / ***');
    expect(redact('14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:2113')).toBe('14 UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:2113');
  });

  it('finds no secrets in a connection string without credentials', () => {
    expect(secretsOf('esdb://localhost:2113?tls=false')).toEqual([]);
    expect(secretsOf('esdb://tok-123@localhost:2113')).toContain('tok-123');
  });
});
