/**
 * One writer process of `separate-processes.test.ts`: opens the PostgreSQL store given on the
 * command line (`<connection string> <schema> <writer number>`), says `ready`, waits for `go` on
 * stdin, then sends its racing commands all at once through `createBoroughCommand`, sending each
 * again while the answer is retryable. Prints one JSON line: the event ids it was told were stored
 * and the rules its refused commands broke.
 */
import { createInterface } from 'node:readline';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, policyWith } from '@borough-command/domain';
import { createPostgresStore } from '@borough-command/postgres';
import { writerCommands } from './racing-commands.js';

const main = async (): Promise<void> => {
  const [connectionString = '', schema = '', writer = '0'] = process.argv.slice(2);
  const store = createPostgresStore(domainEventRegistry, { connectionString }, { schema, maxConnections: 6 });
  if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
  // `enforce` mode: the races lost are refused by PO-1 and RS-1 (`record` mode records a second
  // commander in post as a departure).
  const service = createBoroughCommand({ store: store.right, policy: policyWith({ enforcement: 'enforce' }), maxRetries: 3 });
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const acknowledged: string[] = [];
  const refused: string[] = [];
  let resent = 0;
  await Promise.all(
    writerCommands(Number(writer)).map(async (command) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const result = await service.execute(command, { actor: `writer ${writer}` })();
        if (E.isRight(result)) {
          for (const handled of result.right.handled) for (const recorded of handled.result.events) acknowledged.push(recorded.metadata.eventId);
          return;
        }
        if (result.left._tag === 'CommandRejected') {
          refused.push(result.left.rejection.rule);
          return;
        }
        if (result.left._tag !== 'TooManyConflicts' && result.left._tag !== 'StoreUnavailable') throw new Error(`'${command.commandId}' failed: ${JSON.stringify(result.left)}`);
        resent += 1;
      }
      throw new Error(`'${command.commandId}' was still retryable after 50 sends`);
    }),
  );
  await store.right.close();
  process.stdout.write(`${JSON.stringify({ acknowledged, refused, resent })}\n`);
};

await main();
