/**
 * The protocol modules the test server speaks with: the very modules the client under test
 * generated and loads itself, `@eventstore/db-client`'s or `@kurrent/kurrentdb-client`'s. Their
 * message classes register on one process-global `proto` namespace under the same names and are
 * checked with `instanceof`, so the server must load the copy its clients load, and a process must
 * never load both: `TEST_SERVER_CLIENT_VARIABLE` names the client (by default the one installed,
 * `@eventstore/db-client` when both are). Types are `@eventstore/db-client`'s; the generated
 * classes of both clients have the same methods for every message the server uses.
 */
import { createRequire } from 'node:module';
import type CodePb from '@eventstore/db-client/generated/code_pb.js';
import type FeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import type FeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type SharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type StatusPb from '@eventstore/db-client/generated/status_pb.js';
import type StreamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type StreamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { DB_CLIENT_PACKAGE, KURRENTDB_CLIENT_PACKAGE, defaultClientPackage, secondClientProblem, type EsdbClientPackage } from '../connection/client-package.js';

/** The environment variable naming the client package whose protocol modules the test server loads. */
export const TEST_SERVER_CLIENT_VARIABLE = 'BOROUGH_COMMAND_EVENTSTORE_CLIENT';

/** The client named by the environment, or the one installed; an error naming both when neither can be used. */
const chosenClient = (): EsdbClientPackage => {
  const named = process.env[TEST_SERVER_CLIENT_VARIABLE];
  if (named === DB_CLIENT_PACKAGE || named === KURRENTDB_CLIENT_PACKAGE) return named;
  if (named !== undefined && named !== '') {
    throw new Error(`${TEST_SERVER_CLIENT_VARIABLE} must be ${DB_CLIENT_PACKAGE} or ${KURRENTDB_CLIENT_PACKAGE}; got ${named}`);
  }
  const installed = defaultClientPackage('');
  if (installed === undefined) throw new Error(`the test server needs ${KURRENTDB_CLIENT_PACKAGE} or ${DB_CLIENT_PACKAGE} installed`);
  return installed;
};

/** The client package whose protocol modules this process's test server loaded. */
export const testServerClientPackage: EsdbClientPackage = chosenClient();

const problem = secondClientProblem(testServerClientPackage);
if (problem !== undefined) throw new Error(`the test server cannot start: ${problem}`);

/** Where each client keeps its generated modules. */
const GENERATED_DIRECTORY: Readonly<Record<EsdbClientPackage, string>> = {
  [DB_CLIENT_PACKAGE]: `${DB_CLIENT_PACKAGE}/generated`,
  [KURRENTDB_CLIENT_PACKAGE]: `${KURRENTDB_CLIENT_PACKAGE}/generated/kurrentdb/protocols/v1`,
};

const requireHere = createRequire(import.meta.url);
/** A `require` rooted in the client's package, so shared dependencies resolve to the client's copies. */
const requireFromClient = createRequire(requireHere.resolve(testServerClientPackage));
const generated = <M>(name: string): M => requireHere(`${GENERATED_DIRECTORY[testServerClientPackage]}/${name}.js`) as M;

/** `code_pb`: gRPC status codes. */
export const codePb = generated<typeof CodePb>('code_pb');
/** `serverfeatures_grpc_pb`: the ServerFeatures service. */
export const featuresGrpc = generated<typeof FeaturesGrpc>('serverfeatures_grpc_pb');
/** `serverfeatures_pb`: its messages. */
export const featuresPb = generated<typeof FeaturesPb>('serverfeatures_pb');
/** `shared_pb`: identifiers, UUIDs, errors shared by the services. */
export const sharedPb = generated<typeof SharedPb>('shared_pb');
/** `status_pb`: `google.rpc.Status`. */
export const statusPb = generated<typeof StatusPb>('status_pb');
/** `streams_grpc_pb`: the Streams service. */
export const streamsGrpc = generated<typeof StreamsGrpc>('streams_grpc_pb');
/** `streams_pb`: its messages. */
export const streamsPb = generated<typeof StreamsPb>('streams_pb');

/** The generated message types, for type positions. */
export type { CodePb, FeaturesPb, SharedPb, StatusPb, StreamsPb };

/** `google.protobuf.Any`, as the generated `google.rpc.Status` expects it. */
export type AnyMessage = NonNullable<Parameters<StatusPb.Status['setDetails']>[0]>;

/** `google.protobuf.Empty`, as the generated batch-append messages expect it. */
export type GoogleEmpty = NonNullable<Parameters<StreamsPb.BatchAppendResp['setNoStream']>[0]>;

const anyModule: unknown = requireFromClient('google-protobuf/google/protobuf/any_pb.js');
const emptyModule: unknown = requireFromClient('google-protobuf/google/protobuf/empty_pb.js');

/** The `google.protobuf.Any` class from the client's own copy of google-protobuf. */
export const GoogleAnyClass = (anyModule as { readonly Any: new () => AnyMessage }).Any;

/** The `google.protobuf.Empty` class from the client's own copy of google-protobuf. */
export const GoogleEmptyClass = (emptyModule as { readonly Empty: new () => GoogleEmpty }).Empty;
