import { createInMemoryStore } from '@borough-command/domain/eventsourcing';
import { describeEventStoreConformance } from '../src/vitest.js';

describeEventStoreConformance({
  name: 'in-memory',
  open: (registry) => Promise.resolve(createInMemoryStore(registry)),
});
