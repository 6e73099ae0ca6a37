/** The hand-over queue between a subscription's producer and its reader. */
import { describe, expect, it } from 'vitest';
import { createMailbox } from '../src/subscription/mailbox.js';
import { delayBefore } from '../src/subscription/backoff.js';

describe('eventstoredb subscription mailbox', () => {
  it('hands messages over in order, and a put waits for room', async () => {
    const mailbox = createMailbox<number>(2);
    expect(await mailbox.put(1)).toBe(true);
    expect(await mailbox.put(2)).toBe(true);
    let third: boolean | undefined;
    const putting = mailbox.put(3).then((done) => (third = done));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBeUndefined();
    expect(await mailbox.take()).toBe(1);
    await putting;
    expect(third).toBe(true);
    expect([await mailbox.take(), await mailbox.take()]).toEqual([2, 3]);
  });

  it('delivers what is queued after finish, discards it on end, and puts the last message of endWith first', async () => {
    const finished = createMailbox<string>(4);
    await finished.put('a');
    finished.finish();
    expect(await finished.put('late')).toBe(false);
    expect([await finished.take(), await finished.take()]).toEqual(['a', undefined]);

    const ended = createMailbox<string>(4);
    await ended.put('a');
    const waiting = createMailbox<string>(4);
    const pending = waiting.take();
    ended.end();
    waiting.endWith('dropped');
    expect(await ended.take()).toBeUndefined();
    expect([await pending, await waiting.take()]).toEqual(['dropped', undefined]);
  });

  it('backs off exponentially up to the longest delay', () => {
    const policy = { maxAttempts: 6, initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => delayBefore(policy, attempt))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
