/**
 * A TLS front for the wire-level test server, which speaks plaintext HTTP/2 only: it ends TLS
 * with a self-signed certificate made by `openssl`, notes the `authorization` header of every
 * request, and forwards each gRPC stream (headers, messages, trailers) to the test server. With
 * it, a client given `tls=true`, `tlsCAFile`, `tlsVerifyCert` and credentials in its connection
 * string can be seen to use them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createSecureServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate for `localhost` and 127.0.0.1, its own CA, in a folder of its own. */
export interface SelfSignedCertificate {
  readonly certFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly remove: () => void;
}

/** Makes a self-signed certificate with `openssl` (an EC key, valid for two days). */
export const selfSignedCertificate = (): SelfSignedCertificate => {
  const folder = mkdtempSync(join(tmpdir(), 'tls-front-'));
  const certFile = join(folder, 'cert.pem');
  const keyFile = join(folder, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-keyout', keyFile, '-out', certFile, '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { certFile, cert: readFileSync(certFile), key: readFileSync(keyFile), remove: () => {
      rmSync(folder, { recursive: true, force: true });
    } };
};

/** A running TLS front. */
export interface TlsFront {
  readonly port: number;
  /** The path and `authorization` header of every request, in order (empty when a request had none). */
  readonly requests: () => readonly { readonly path: string; readonly authorization: string }[];
  /** TLS handshakes that failed (a client that does not trust the certificate, or speaks plaintext). */
  readonly refusedHandshakes: () => number;
  readonly stop: () => Promise<void>;
}

/** The headers of one side that the other may be given: no pseudo-headers, no connection-level ones. */
const passable = (headers: IncomingHttpHeaders): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && name !== 'connection'));

/** Starts a TLS front on 127.0.0.1 forwarding to the plaintext HTTP/2 server on `upstreamPort`. */
export const startTlsFront = async (certificate: SelfSignedCertificate, upstreamPort: number): Promise<TlsFront> => {
  const requests: { readonly path: string; readonly authorization: string }[] = [];
  let refusedHandshakes = 0;
  const upstream = connect(`http://127.0.0.1:${String(upstreamPort)}`);
  upstream.on('error', () => undefined);
  const server = createSecureServer({ key: certificate.key, cert: certificate.cert, ALPNProtocols: ['h2'] });
  server.on('tlsClientError', () => {
    refusedHandshakes += 1;
  });
  server.on('stream', (downstream, headers) => {
    requests.push({ path: String(headers[':path']), authorization: typeof headers.authorization === 'string' ? headers.authorization : '' });
    const forwarded = upstream.request({ ':method': headers[':method'], ':path': headers[':path'], ...passable(headers) });
    let trailers: OutgoingHttpHeaders = {};
    forwarded.on('response', (response) => {
      const endsNow = forwarded.readableEnded || response['grpc-status'] !== undefined;
      if (!downstream.destroyed) downstream.respond({ ':status': response[':status'], ...passable(response) }, endsNow ? { endStream: true } : { waitForTrailers: true });
    });
    forwarded.on('trailers', (received: IncomingHttpHeaders) => {
      trailers = passable(received);
    });
    downstream.on('wantTrailers', () => {
      downstream.sendTrailers(trailers);
    });
    forwarded.on('data', (chunk: Buffer) => {
      if (!downstream.destroyed && downstream.headersSent) downstream.write(chunk);
    });
    forwarded.on('end', () => {
      if (!downstream.destroyed && !downstream.writableEnded) downstream.end();
    });
    downstream.on('data', (chunk: Buffer) => forwarded.write(chunk));
    downstream.on('end', () => forwarded.end());
    const close = (): void => {
      if (!forwarded.destroyed) forwarded.close();
      if (!downstream.destroyed) downstream.close();
    };
    forwarded.on('error', close);
    downstream.on('error', close);
    downstream.on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => [...requests],
    refusedHandshakes: () => refusedHandshakes,
    stop: async () => {
      upstream.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        // open client sessions would keep the server alive
        setTimeout(resolve, 200).unref();
      });
    },
  };
};
