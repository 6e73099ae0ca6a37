import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { knownBcu, openProgramme } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import { bcuNotLive, programmeHasLiveBcu } from './restructure-rejections.js';
import type { RestructureBcu, RestructureState } from './restructure-state.js';

/**
 * RS-9: dissolves a live BCU, with a reason; its boroughs return to borough commands and are free
 * to join another BCU. The BCU's history stays as it was.
 */
export const dissolveBcu = (command: RestructureCommandOf<'DissolveBcu'>, state: RestructureState): RestructureDecision =>
  pipe(
    knownBcu(state, command.bcu, 'RS-9'),
    E.chain((bcu): RestructureDecision => {
      // RS-9: only a live BCU is dissolved; a proposed one is withdrawn with its programme.
      if (bcu.status !== 'live') return E.left(bcuNotLive('RS-9', bcu.name, bcu.status, 'be dissolved'));
      return E.right([
        {
          type: 'BcuDissolved',
          data: { restructureId: command.restructureId, bcu: bcu.name, boroughs: bcu.boroughs, reason: command.reason, at: command.at },
        },
      ]);
    }),
  );

const programmeBcus = (state: RestructureState, bcus: readonly string[]): readonly RestructureBcu[] =>
  bcus.flatMap((name) => {
    const bcu = state.bcus.get(name);
    return bcu === undefined ? [] : [bcu];
  });

/**
 * RS-9: abandons a programme with a reason, refused while any of its BCUs is live (`record` mode
 * records it as a departure, `ProgrammeHasLiveBcu` waived: the live BCUs stay live). Its proposed
 * BCUs are withdrawn (their boroughs become free) and the programme accepts nothing more.
 */
export const abandonRestructureProgramme = (
  command: RestructureCommandOf<'AbandonRestructureProgramme'>,
  state: RestructureState,
  waived: ReadonlySet<string> = new Set(),
): RestructureDecision =>
  pipe(
    openProgramme(state, command.programmeId, 'RS-9'),
    E.chain((programme): RestructureDecision => {
      const bcus = programmeBcus(state, programme.bcus);
      // RS-9: a live BCU is dissolved first; abandoning never rewrites that it went live.
      const live = bcus.filter((bcu) => bcu.status === 'live').map((bcu) => bcu.name);
      if (live.length > 0 && !waived.has('ProgrammeHasLiveBcu')) return E.left(programmeHasLiveBcu(programme.id, live));
      return E.right([
        {
          type: 'RestructureProgrammeAbandoned',
          data: {
            restructureId: command.restructureId,
            programmeId: programme.id,
            withdrawnBcus: bcus.filter((bcu) => bcu.status === 'proposed').map((bcu) => bcu.name),
            reason: command.reason,
            at: command.at,
          },
        },
      ]);
    }),
  );
