/** A clock that always answers the same instant, so runs record the same events. */
export const fixedClock = (): Date => new Date('2020-01-01T12:00:00.000Z');
