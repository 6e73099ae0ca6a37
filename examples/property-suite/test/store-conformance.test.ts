import { createInMemoryStore } from '@borough-command/domain';
import { describeEventStoreConformance } from '@borough-command/testing/vitest';

describeEventStoreConformance({ name: 'the service\'s in-memory store', open: (registry) => Promise.resolve(createInMemoryStore(registry)) });
