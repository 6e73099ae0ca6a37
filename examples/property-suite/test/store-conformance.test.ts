import { createInMemoryStore } from '@borough-command/domain/eventsourcing';
import { describeEventStoreConformance } from '@borough-command/testing/vitest';

describeEventStoreConformance({ name: 'the service\'s in-memory store', open: (registry) => Promise.resolve(createInMemoryStore(registry)) });
