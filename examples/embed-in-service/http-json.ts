/** JSON over `node:http`: replies, error bodies, and reading a request body under a size limit. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';

/** What a route answers: a status, a JSON body and any extra headers. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An error reply: `{ error, message, ...details }`. */
export const errorReply = (status: number, error: string, message: string, details: Readonly<Record<string, unknown>> = {}): Reply => ({
  status,
  body: { error, message, ...details },
});

/** JSON text of a value; bigints (event positions and revisions) become decimal strings. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));

/** Writes a reply as JSON. */
export const sendReply = (response: ServerResponse, reply: Reply): void => {
  const text = toJson(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text).toString(),
    ...reply.headers,
  });
  response.end(text);
};

/** Why a request body could not be read. */
export type BodyProblem =
  | { readonly _tag: 'BodyTooLarge'; readonly limitBytes: number }
  | { readonly _tag: 'NotJsonContent'; readonly contentType: string }
  | { readonly _tag: 'MalformedJson'; readonly reason: string };

/** The reply for a body that could not be read. */
export const bodyProblemReply = (problem: BodyProblem): Reply => {
  switch (problem._tag) {
    case 'BodyTooLarge':
      return {
        ...errorReply(413, 'BodyTooLarge', `the body is larger than ${problem.limitBytes.toString()} bytes; send one command per request`),
        // the rest of the body is not read: the connection cannot carry another request
        headers: { connection: 'close' },
      };
    case 'NotJsonContent':
      return errorReply(415, 'NotJsonContent', `the body must be application/json, not ${problem.contentType}`);
    case 'MalformedJson':
      return errorReply(400, 'MalformedJson', `the body is not JSON: ${problem.reason}`, { field: '' });
  }
};

const isJsonContentType = (contentType: string): boolean => /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(contentType);

/**
 * Reads a request body as JSON, refusing one larger than `limitBytes` as soon as its declared length
 * or the bytes received pass the limit (what is left of it is not read), and a body whose declared
 * content type is not JSON.
 */
export const readJsonBody = (request: IncomingMessage, limitBytes: number): Promise<E.Either<BodyProblem, unknown>> => {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !isJsonContentType(contentType)) {
    request.resume();
    return Promise.resolve(E.left({ _tag: 'NotJsonContent', contentType }));
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve(E.left({ _tag: 'BodyTooLarge', limitBytes }));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: E.Either<BodyProblem, unknown>): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) {
        request.pause();
        settle(E.left({ _tag: 'BodyTooLarge', limitBytes }));
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', (cause) => {
      settle(E.left({ _tag: 'MalformedJson', reason: `the body could not be read (${cause.message})` }));
    });
    request.on('end', () => {
      try {
        settle(E.right(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown));
      } catch (cause) {
        settle(E.left({ _tag: 'MalformedJson', reason: cause instanceof Error ? cause.message : String(cause) }));
      }
    });
  });
};
