/**
 * The sending side of a Streams.Read call: messages go out in the order they are sent, and the call
 * ends once, normally or with an error. `send` says when the call's buffer is full (the client is
 * not taking messages as fast as they come, and HTTP/2 flow control holds them back); a sender that
 * respects it waits for `drained()`.
 */
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { CallError } from './grpc-errors.js';
import type { StreamsPb } from './protocol.js';

/** Writes `ReadResp` messages to one call until it ends. */
export class ResponseWriter {
  private open = true;
  private readonly closeListeners: (() => void)[] = [];

  constructor(private readonly call: ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>) {
    call.on('cancelled', () => this.close());
    call.on('error', () => this.close());
  }

  /** Whether messages can still be sent. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Runs `listener` once when the call ends, however it ends. */
  onClose(listener: () => void): void {
    if (this.open) this.closeListeners.push(listener);
    else listener();
  }

  /** Sends one message, unless the call has ended; false when the call's buffer is full. */
  send(message: StreamsPb.ReadResp): boolean {
    return this.open ? this.call.write(message) : true;
  }

  /** Resolves once the call's buffer has room again, or the call has ended. */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.open) {
        resolve();
        return;
      }
      const done = (): void => {
        this.call.removeListener('drain', done);
        resolve();
      };
      this.call.once('drain', done);
      this.onClose(done);
    });
  }

  /** Ends the call with OK. */
  end(): void {
    if (this.close()) this.call.end();
  }

  /** Ends the call with an error status and its trailers. */
  fail(error: CallError): void {
    if (this.close()) this.call.emit('error', error);
  }

  private close(): boolean {
    if (!this.open) return false;
    this.open = false;
    for (const listener of this.closeListeners.splice(0)) listener();
    return true;
  }
}
