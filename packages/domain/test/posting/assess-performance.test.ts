import { describe, it } from 'vitest';
import { isoDate } from '../../src/shared/iso-date.js';
import type { Partner } from '../../src/shared/vocabulary.js';
import { assessPerformance, enforced, performanceAssessed, postingStarted } from './posting-fixtures.js';

const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: 'Camden Council chief executive' };
const linkMember: Partner = { kind: 'link-member', name: 'MPA link member for Camden' };

describe('AssessPerformance', () => {
  it('PO-4 records the partners who contributed to the assessment', () => {
    enforced([postingStarted()])
      .when(assessPerformance({ partners: [chiefExecutive, linkMember] }))
      .then([performanceAssessed({ partners: [chiefExecutive, linkMember], noPartnerInvolved: false })]);
  });

  it('PO-4 accepts an assessment with no partner and flags it', () => {
    enforced([postingStarted()])
      .when(assessPerformance({ partners: [], at: isoDate('2012-04-02'), assessedBy: 'Area Commander South' }))
      .then([performanceAssessed({ partners: [], noPartnerInvolved: true, at: isoDate('2012-04-02'), assessedBy: 'Area Commander South' })]);
  });

  it('PO-4 refuses an assessment dated before the posting started', () => {
    enforced([postingStarted()])
      .when(assessPerformance({ at: isoDate('2010-03-31'), partners: [chiefExecutive] }))
      .then({ _tag: 'AssessmentBeforeStart', rule: 'PO-4', postingId: 'camden-1', start: isoDate('2010-04-01'), at: isoDate('2010-03-31') });
  });

  it('PO-4 an assessment on the first day of the posting is accepted', () => {
    enforced([postingStarted()])
      .when(assessPerformance({ at: isoDate('2010-04-01'), partners: [chiefExecutive] }))
      .then([performanceAssessed({ at: isoDate('2010-04-01'), partners: [chiefExecutive], noPartnerInvolved: false })]);
  });
});
