/**
 * The protocol modules the test server speaks with: the very modules `@eventstore/db-client`
 * generated and loads itself. Its message classes register on a process-global `proto` object
 * and are checked with `instanceof`, so a second generated copy must never be loaded.
 */
import { createRequire } from 'node:module';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';

/** The generated modules, for the handlers; never import a second copy of them. */
export { codePb, featuresGrpc, featuresPb, sharedPb, statusPb, streamsGrpc, streamsPb };

/** `google.protobuf.Any`, as the generated `google.rpc.Status` expects it. */
export type AnyMessage = NonNullable<Parameters<statusPb.Status['setDetails']>[0]>;

/** `google.protobuf.Empty`, as the generated batch-append messages expect it. */
export type GoogleEmpty = NonNullable<Parameters<streamsPb.BatchAppendResp['setNoStream']>[0]>;

/** A `require` rooted in the client's package, so shared dependencies resolve to the client's copies. */
const requireFromClient = createRequire(createRequire(import.meta.url).resolve('@eventstore/db-client'));

const anyModule: unknown = requireFromClient('google-protobuf/google/protobuf/any_pb.js');
const emptyModule: unknown = requireFromClient('google-protobuf/google/protobuf/empty_pb.js');

/** The `google.protobuf.Any` class from the client's own copy of google-protobuf. */
export const GoogleAnyClass = (anyModule as { readonly Any: new () => AnyMessage }).Any;

/** The `google.protobuf.Empty` class from the client's own copy of google-protobuf. */
export const GoogleEmptyClass = (emptyModule as { readonly Empty: new () => GoogleEmpty }).Empty;
