/**
 * The event-sourcing kernel in a few lines: a decider, a journal store, a command handler, a
 * retried command that writes nothing new, and a reopened journal that still holds every event.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  createCommandHandler,
  createRegistry,
  defineEvent,
  describeStoreError,
  openJournalStore,
  type CommandError,
  type Decider,
} from '@borough-command/domain/eventsourcing';

/** A notice board: notices are posted, and a board can be closed. */
const registry = createRegistry([
  defineEvent('NoticePosted', t.type({ text: t.string })),
  defineEvent('BoardClosed', t.type({ reason: t.string })),
]);
type BoardEvent = { readonly type: 'NoticePosted'; readonly data: { readonly text: string } } | { readonly type: 'BoardClosed'; readonly data: { readonly reason: string } };
type BoardCommand = { readonly commandId: string; readonly board: string } & ({ readonly type: 'PostNotice'; readonly text: string } | { readonly type: 'CloseBoard'; readonly reason: string });
interface BoardState { readonly notices: number; readonly closed: boolean }

const board: Decider<BoardCommand, BoardState, BoardEvent, string> = {
  initialState: { notices: 0, closed: false },
  isTerminal: (state) => state.closed,
  evolve: (state, event) => (event.type === 'NoticePosted' ? { ...state, notices: state.notices + 1 } : { ...state, closed: true }),
  decide: (command, state) => {
    if (state.closed) return E.left('the board is closed');
    return command.type === 'PostNotice'
      ? E.right([{ type: 'NoticePosted', data: { text: command.text } }])
      : E.right([{ type: 'BoardClosed', data: { reason: command.reason } }]);
  },
};

const directory = mkdtempSync(join(tmpdir(), 'kernel-quickstart-'));
const file = join(directory, 'journal.ndjson');
const show = (error: CommandError<string>): string =>
  error._tag === 'CommandRejected' ? `rejected: ${error.rejection}` : error._tag;

try {
  const opened = await openJournalStore(registry, { file })();
  if (E.isLeft(opened)) throw new Error(describeStoreError(opened.left));
  const store = opened.right;
  const handle = createCommandHandler({ store, decider: board, streamOf: (command: BoardCommand) => `board-${command.board}` });
  const context = { actor: 'quickstart' };

  const posted = await handle({ commandId: 'c-1', board: 'hall', type: 'PostNotice', text: 'Ward panel on Tuesday' }, context)();
  console.log('post a notice:', E.isRight(posted) ? `${String(posted.right.events.length)} event written` : show(posted.left));
  const retried = await handle({ commandId: 'c-1', board: 'hall', type: 'PostNotice', text: 'Ward panel on Tuesday' }, context)();
  console.log('retry the same command:', E.isRight(retried) ? `already applied: ${String(retried.right.alreadyApplied)}` : show(retried.left));
  await handle({ commandId: 'c-2', board: 'hall', type: 'CloseBoard', reason: 'moved online' }, context)();
  const refused = await handle({ commandId: 'c-3', board: 'hall', type: 'PostNotice', text: 'too late' }, context)();
  console.log('post on a closed board:', E.isLeft(refused) ? show(refused.left) : 'accepted?');
  await store.close();

  const reopened = await openJournalStore(registry, { file, readOnly: true })();
  if (E.isLeft(reopened)) throw new Error(describeStoreError(reopened.left));
  console.log(`reopened ${file}: ${String(reopened.right.recovery.lines)} lines, chain head ${reopened.right.recovery.head.slice(0, 12)}…`);
  await reopened.right.close();
} finally {
  rmSync(directory, { recursive: true, force: true });
}
