import { describe, it } from 'vitest';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthLive,
  centralNorthReady,
  command,
  day,
  dissolved,
  evaluated,
  given,
  restructureId,
  started,
} from './restructure-fixtures.js';

const evaluate = (programmeId = 'pathfinder') =>
  command('RecordPathfinderEvaluation', { programmeId, evaluatedBy: 'MOPAC Evidence and Insight', findings: 'Response times improved.' }, day(200));

describe('recording the pathfinder evaluation (RS-3)', () => {
  it('RS-3 records the evaluation of a pathfinder programme whose BCU has gone live', () => {
    given(centralNorthLive)
      .when(evaluate())
      .then([
        {
          type: 'PathfinderEvaluationRecorded',
          data: {
            restructureId,
            programmeId: 'pathfinder',
            evaluatedBy: 'MOPAC Evidence and Insight',
            findings: 'Response times improved.',
            at: day(200),
          },
        },
      ]);
  });

  it('RS-3 refuses to evaluate a pathfinder programme none of whose BCUs has gone live', () => {
    given(centralNorthReady).when(evaluate()).then({ _tag: 'NoPathfinderBcuWentLive', rule: 'RS-3', programmeId: 'pathfinder' });
  });

  it('RS-3 refuses an evaluation dated before any pathfinder BCU went live, even when the go-live is recorded first', () => {
    given(centralNorthLive)
      .when(command('RecordPathfinderEvaluation', { programmeId: 'pathfinder', evaluatedBy: 'MOPAC', findings: 'Too early.' }, day(9)))
      .then({ _tag: 'NoPathfinderBcuWentLive', rule: 'RS-3', programmeId: 'pathfinder', at: day(9) });
  });

  it('RS-3 still evaluates a pathfinder whose BCU went live and was later dissolved', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs)])
      .when(evaluate())
      .then([
        {
          type: 'PathfinderEvaluationRecorded',
          data: {
            restructureId,
            programmeId: 'pathfinder',
            evaluatedBy: 'MOPAC Evidence and Insight',
            findings: 'Response times improved.',
            at: day(200),
          },
        },
      ]);
  });

  it('RS-3 refuses to record a pathfinder evaluation for a roll-out programme', () => {
    given([...centralNorthLive, evaluated(), started('roll-out', 'roll-out', day(300))])
      .when(evaluate('roll-out'))
      .then({ _tag: 'NotAPathfinderProgramme', rule: 'RS-3', programmeId: 'roll-out', stage: 'roll-out' });
  });

  it('RS-3 refuses to evaluate a programme that was never started', () => {
    given([]).when(evaluate()).then({ _tag: 'UnknownProgramme', rule: 'RS-3', programmeId: 'pathfinder' });
  });
});
