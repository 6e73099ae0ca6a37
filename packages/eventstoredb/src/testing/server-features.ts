/** ServerFeatures.GetSupportedMethods: what the client asks first, to choose BatchAppend or Append. */
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { internal } from './grpc-errors.js';
import { featuresPb, streamsGrpc } from './protocol.js';
import type { FeaturesPb, SharedPb } from './protocol.js';
import type { ServerContext } from './server-context.js';

/** What the server advertises. */
export interface FeatureOptions {
  readonly batchAppend: boolean;
  readonly serverVersion: string;
}

/** A method path `/<service>/<method>` as an advertised method. */
const supportedMethodOf = (path: string): FeaturesPb.SupportedMethod => {
  const [, serviceName = '', methodName = ''] = path.split('/');
  return new featuresPb.SupportedMethod().setServiceName(serviceName).setMethodName(methodName);
};

/** The methods the server implements, BatchAppend only when it is enabled. */
const advertisedPaths = (options: FeatureOptions): readonly string[] => {
  const streams = streamsGrpc.StreamsService;
  const paths = [streams.read.path, streams.append.path, streams.delete.path, streams.tombstone.path];
  return options.batchAppend ? [...paths, streams.batchAppend.path] : paths;
};

/** The GetSupportedMethods handler. */
export const getSupportedMethodsHandler =
  (context: ServerContext, options: FeatureOptions) =>
  (_call: ServerUnaryCall<SharedPb.Empty, FeaturesPb.SupportedMethods>, callback: sendUnaryData<FeaturesPb.SupportedMethods>): void => {
    context.gate
      .enter('serverFeatures', (error) => {
        callback(error);
      })
      .then((scope) => {
        if (scope === undefined) return;
        scope.complete();
        const supported = new featuresPb.SupportedMethods()
          .setMethodsList(advertisedPaths(options).map(supportedMethodOf))
          .setEventStoreServerVersion(options.serverVersion);
        callback(null, supported);
      })
      .catch((error: unknown) => {
        callback(internal(error));
      });
  };
