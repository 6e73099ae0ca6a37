import { trace, type Tracer } from '@opentelemetry/api';

/** The instrumentation scope of the kernel's spans: the package's name. */
export const DOMAIN_TRACER_NAME = '@borough-command/domain';

/**
 * The kernel's tracer, asked of the global provider at each use (a tracer kept from before a
 * provider is registered would stay bound to the first one): a no-op until the service sets one up.
 */
export const kernelTracer = (): Tracer => trace.getTracer(DOMAIN_TRACER_NAME);

/** A position or revision as a span attribute: its decimal digits, exact at any size. */
export const bigintAttribute = (value: bigint): string => value.toString();
