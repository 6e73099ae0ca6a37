import { addDays, bcuPostingId, coreFunctions, isoDate, type DomainCommand, type IsoDate, type Officer } from '@borough-command/domain';
import type { DemoGoLive } from './go-live-dates.js';
import type { Schedule } from './schedule.js';
import type { SeededRandom } from './seeded-random.js';
import type { SyntheticPeople } from './synthetic-people.js';

const restructureId = 'met';
const PATHFINDER = 'slp-pathfinder';
const ROLL_OUT = 'slp-roll-out';

const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? b : a);

/** The commands that take one BCU live: consultations, commander, superintendents, DWOs, 24/7 stations. */
const bcuCommands = (
  goLive: DemoGoLive,
  programmeId: string,
  proposedOn: IsoDate,
  random: SeededRandom,
  people: SyntheticPeople,
): DomainCommand[] => {
  const { bcu, on } = goLive;
  const pathfinder = bcu.pathfinder;
  const id = (step: string): string => `${bcu.name}/${step}`;
  const prepareOn = laterOf(addDays(on, -90), addDays(proposedOn, 7));
  const commander: Officer = people.officer('chief-superintendent');
  const superintendents: Officer[] = coreFunctions.map(() => people.officer('superintendent'));
  const commands: DomainCommand[] = [
    { type: 'ProposeBcu', commandId: id('propose'), at: proposedOn, restructureId, programmeId, bcu: bcu.name, boroughs: [...bcu.boroughs] },
    { type: 'RecordBcuConsultation', commandId: id('consult MOPAC'), at: addDays(proposedOn, 3), restructureId, bcu: bcu.name, consultee: 'mopac', name: people.person('Deputy Mayor for Policing and Crime') },
  ];
  for (const borough of bcu.boroughs) {
    commands.push(
      { type: 'RecordBcuConsultation', commandId: id(`consult ${borough} leader`), at: addDays(proposedOn, 5), restructureId, bcu: bcu.name, consultee: 'local-authority-leader', name: people.person(`${borough} council leader`), borough },
      { type: 'RecordBcuConsultation', commandId: id(`consult ${borough} chief executive`), at: addDays(proposedOn, 6), restructureId, bcu: bcu.name, consultee: 'local-authority-chief-executive', name: people.person(`${borough} chief executive`), borough },
      { type: 'AllocateDedicatedWardOfficers', commandId: id(`DWOs ${borough}`), at: prepareOn, restructureId, borough, officersPerWard: pathfinder ? 3 : 2 },
      { type: 'RegisterTwentyFourHourStation', commandId: id(`station ${borough}`), at: prepareOn, restructureId, borough, station: `${borough} 24-hour front counter (synthetic)` },
    );
  }
  commands.push({ type: 'AppointBcuCommander', commandId: id('commander'), at: prepareOn, restructureId, bcu: bcu.name, officer: commander, interim: pathfinder });
  coreFunctions.forEach((leads, index) => {
    const dedicatedTo = bcu.boroughs[index];
    commands.push({
      type: 'AssignSuperintendent', commandId: id(`superintendent ${leads}`), at: prepareOn, restructureId, bcu: bcu.name,
      superintendent: superintendents[index] as Officer, leads, ...(dedicatedTo === undefined ? {} : { dedicatedTo }),
    });
  });
  commands.push(
    { type: 'TakeBcuLive', commandId: id('go live'), at: on, restructureId, bcu: bcu.name },
    { type: 'ShareResources', commandId: id('share'), at: on, restructureId, bcu: bcu.name, resources: ['people', 'buildings', 'technology', 'vehicles'] },
  );
  const partners = random.chance(0.8)
    ? bcu.boroughs.map((borough) => ({ kind: 'local-authority-chief-executive' as const, name: people.person(`${borough} chief executive`) }))
    : [];
  commands.push({
    type: 'AssessPerformance', commandId: id('commander assessment'), at: addDays(on, 335),
    unit: { kind: 'bcu', name: bcu.name }, postingId: bcuPostingId(bcu.name, prepareOn), assessedBy: 'Assistant Commissioner, Territorial Policing (synthetic)', partners,
  });
  return commands;
};

/**
 * The Strengthening Local Policing restructure: the pathfinder programme (October 2016), the two
 * pathfinder BCUs proposed on 18 November 2016 (003) and live in January 2017, the evaluation
 * (October 2017), the roll-out announced on 12 February 2018, and the other ten BCUs going live on
 * their days. Each BCU commander is named before go-live and has a designate posting from that day,
 * which takes command when the BCU goes live (RS-4) as the boroughs' postings end (PO-6), through
 * the process managers.
 */
export const writeRestructureStory = (goLives: readonly DemoGoLive[], until: IsoDate, random: SeededRandom, people: SyntheticPeople, schedule: Schedule): void => {
  schedule.add({ type: 'StartRestructureProgramme', commandId: 'slp/pathfinder', at: isoDate('2016-10-03'), restructureId, programmeId: PATHFINDER, stage: 'pathfinder', name: 'Strengthening Local Policing: BCU pathfinders' });
  for (const goLive of goLives.filter((item) => item.bcu.pathfinder)) {
    for (const command of bcuCommands(goLive, PATHFINDER, isoDate('2016-11-18'), random, people)) if (command.at <= until) schedule.add(command);
  }
  schedule.add({
    type: 'RecordPathfinderEvaluation', commandId: 'slp/evaluation', at: isoDate('2017-10-20'), restructureId, programmeId: PATHFINDER,
    evaluatedBy: 'MPS Strengthening Local Policing programme board (synthetic)',
    findings: 'Pathfinder BCUs evaluated before any roll-out (RS-3); findings summarised for the demo, not quoted from a source.',
  });
  schedule.add({ type: 'StartRestructureProgramme', commandId: 'slp/roll-out', at: isoDate('2018-02-12'), restructureId, programmeId: ROLL_OUT, stage: 'roll-out', name: 'Strengthening Local Policing: roll-out to 12 BCUs' });
  for (const goLive of goLives.filter((item) => !item.bcu.pathfinder)) {
    for (const command of bcuCommands(goLive, ROLL_OUT, isoDate('2018-02-12'), random, people)) if (command.at <= until) schedule.add(command);
  }
};
