import { strictestValues } from '@borough-command/testing';
import fc from 'fast-check';
import {
  bcuPostingId,
  coreFunctions,
  valuesOn,
  type CommandUnit,
  type IsoDate,
  type RestructureCommand,
} from '@borough-command/domain';
import { daysArbitrary, modelOfficer, oneIn, systemStep, type SystemStep } from './step-helpers.js';
import { MODEL_RESTRUCTURE_ID } from './system-checks.js';
import {
  advance,
  bcuNameOf,
  endEveryPosting,
  endInModel,
  holdersOf,
  issue,
  modelBcus,
  modelBoroughs,
  modelPosting,
  type ModelBcu,
  type SystemModel,
} from './system-model.js';
import { accepted, count, ensure, ensureEqual, refused, type SystemUnderTest } from './system-under-test.js';

const restructureId = MODEL_RESTRUCTURE_ID;

/** A restructure command before it is given an id, a date and the force. */
type RestructureDraft = RestructureCommand extends infer C ? (C extends RestructureCommand ? Omit<C, 'commandId' | 'at' | 'restructureId'> : never) : never;

/** A restructure command of the model's force, with a fresh id, dated today. */
const restructureCommand = (model: SystemModel, fields: RestructureDraft): RestructureCommand =>
  ({ ...fields, commandId: `model-${String(issue(model))}`, at: model.today, restructureId });

const stateOf = (model: SystemModel, name: string): ModelBcu => {
  const state = model.bcus.get(name);
  if (state === undefined) throw new Error(`the model has no BCU ${name}`);
  return state;
};

/**
 * RS-4: the BCU's commander, named before it goes live: an interim commander of the pathfinder,
 * whose designate posting on the BCU starts the day named, without a minimum term (PO-2). A
 * commander named by an earlier, refused go-live is kept (`keep`) or succeeded: an appointment that
 * does not say why they leave is refused; with it, their posting ends and the successor's starts in
 * one decision. A commander named today is kept, since the domain names a BCU commander's posting
 * after the BCU and the day (`bcuPostingId`). Returns the commander's officer id.
 */
const nameCommander = async (model: SystemModel, real: SystemUnderTest, name: string, keep: boolean): Promise<string> => {
  const unit: CommandUnit = { kind: 'bcu', name };
  const holders = holdersOf(model, unit, 'bcu-commander');
  const predecessor = holders.substantive;
  if (predecessor !== undefined && (keep || predecessor.start === model.today)) return predecessor.officerId;
  const number = String(issue(model));
  const officer = modelOfficer(`bcu-commander-${number}`, valuesOn(model.policy, model.today).bcuCommanderRank);
  const appointment = { type: 'AppointBcuCommander', bcu: name, officer, interim: true } as const;
  if (predecessor !== undefined) {
    // RS-4: a successor is appointed only with why the commander in place leaves.
    await refused(real, restructureCommand(model, appointment), 'RS-4');
    count(real, 'succeed BCU commander', 'refused');
  }
  const appointed = await accepted(
    real,
    restructureCommand(
      model,
      predecessor === undefined ? appointment : { ...appointment, predecessorLeaves: { reason: 'other', detail: 'replaced before the BCU went live' } },
    ),
  );
  ensureEqual(
    appointed.failedReactions.map((failed) => (failed.error._tag === 'CommandRejected' ? failed.error.rejection.message : failed.error._tag)),
    [],
    `failed reactions to naming the commander of ${name}`,
  );
  const postingId = bcuPostingId(name, model.today);
  const started = appointed.events.flatMap((recorded) =>
    recorded.event.type === 'PostingStarted' && recorded.event.data.unit.kind === 'bcu' ? [recorded.event.data] : [],
  );
  ensureEqual(
    started.map((data) => ({ postingId: data.postingId, officer: data.officer.id, designate: data.designate, interim: data.interim, minimumTermEnd: data.minimumTermEnd })),
    [{ postingId, officer: officer.id, designate: true, interim: true, minimumTermEnd: null }],
    `the posting started by naming the commander of ${name} on ${model.today}`,
  );
  if (predecessor !== undefined) {
    // RS-4, PO-3: the predecessor's interim posting has no minimum term, so leaving for any reason is no breach.
    const ended = appointed.events.flatMap((recorded) => (recorded.event.type === 'PostingEnded' ? [recorded.event.data.postingId] : []));
    ensureEqual(ended, [predecessor.postingId], `the postings ended by succeeding the commander of ${name}`);
    endInModel(model, unit, predecessor.postingId);
    count(real, 'succeed BCU commander', 'accepted');
  }
  holders.substantive = modelPosting(model, postingId, officer.id, false, 'bcu-commander', { interim: true, designate: true });
  model.bcuUnits.add(name);
  return officer.id;
};

/** Everything a BCU needs to go live but the go-live itself (RS-1 to RS-8), as far as the model says it is missing. */
const prepare = async (
  model: SystemModel,
  real: SystemUnderTest,
  base: (typeof modelBcus)[number],
  name: string,
  consult: boolean,
  keepCommander: boolean,
): Promise<void> => {
  const state = stateOf(model, base.name);
  const send = (fields: RestructureDraft): Promise<unknown> => accepted(real, restructureCommand(model, fields));
  if (!model.programmeStarted) {
    await send({ type: 'StartRestructureProgramme', programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' });
    model.programmeStarted = true;
  }
  if (state.status === 'none') {
    await send({ type: 'ProposeBcu', programmeId: 'pathfinder', bcu: name, boroughs: base.boroughs });
    state.status = 'proposed';
  }
  if (consult) {
    await send({ type: 'RecordBcuConsultation', bcu: name, consultee: 'mopac', name: 'MOPAC' });
    for (const borough of base.boroughs) {
      await send({ type: 'RecordBcuConsultation', bcu: name, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough });
      await send({ type: 'RecordBcuConsultation', bcu: name, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough });
    }
    state.consulted = true;
  }
  await nameCommander(model, real, name, keepCommander);
  const number = String(issue(model));
  const functions = strictestValues(model.policy).coreFunctions.length > 0 ? strictestValues(model.policy).coreFunctions : coreFunctions;
  for (const [position, leads] of functions.entries()) {
    const dedicatedTo = base.boroughs[position];
    const superintendent = modelOfficer(`superintendent-${number}-${String(position)}`, 'superintendent');
    await send({ type: 'AssignSuperintendent', bcu: name, superintendent, leads, ...(dedicatedTo === undefined ? {} : { dedicatedTo }) });
  }
  for (const borough of base.boroughs) {
    await send({ type: 'AllocateDedicatedWardOfficers', borough, officersPerWard: valuesOn(model.policy, model.today).minimumDedicatedWardOfficers });
    if (!model.stations.has(borough)) {
      await send({ type: 'RegisterTwentyFourHourStation', borough, station: `${borough} police station` });
      model.stations.add(borough);
    }
  }
};

/**
 * RS-1 to RS-8, PO-6 and RS-4: a BCU prepared and taken live. Without the consultations going live
 * is refused (RS-2), and the commander named stays designate; once live, its boroughs' postings end
 * (PO-6) and its commander's designate posting takes command (RS-4).
 */
export const goLiveStep: fc.Arbitrary<SystemStep> = fc
  .record({ bcu: fc.nat(1), skipConsultations: oneIn(6), keepCommander: fc.boolean(), days: daysArbitrary })
  .map(({ bcu: index, skipConsultations, keepCommander, days }) => {
    const base = modelBcus[index] ?? modelBcus[0];
    return systemStep(
      `goLive(${base.name}${skipConsultations ? ', without consultations' : ''}${keepCommander ? '' : ', a new commander'}, +${String(days)} days)`,
      (model) => model.bcus.get(base.name)?.status !== 'live',
      async (model, real) => {
        const at: IsoDate = advance(model, days);
        const state = stateOf(model, base.name);
        const name = bcuNameOf(base.name, state.generation);
        await prepare(model, real, base, name, !skipConsultations, keepCommander);
        const goLive = restructureCommand(model, { type: 'TakeBcuLive', bcu: name });
        if (!state.consulted) {
          // RS-2: the local authorities and MOPAC are consulted before a BCU goes live.
          await refused(real, goLive, 'RS-2');
          count(real, 'go live', 'refused');
          return;
        }
        const active = base.boroughs.flatMap((borough) => {
          const holders = holdersOf(model, { kind: 'borough', name: borough }, 'borough-commander');
          return [holders.substantive, holders.acting].flatMap((posting) => (posting === undefined ? [] : [posting.postingId]));
        });
        const live = await accepted(real, goLive);
        ensureEqual(live.failedReactions.length, 0, `failed reactions to ${name} going live`);
        const endedByRestructure = live.events.flatMap((event) =>
          event.event.type === 'PostingEnded' && event.event.data.reason === 'organisational-restructure' && event.event.data.unit.kind === 'borough'
            ? [event.event.data.postingId]
            : [],
        );
        // PO-6: every posting of a borough joining the BCU ends, of either role.
        ensure(active.every((postingId) => endedByRestructure.includes(postingId)), () =>
          `${name} went live but the postings ${JSON.stringify(active)} did not all end (ended: ${JSON.stringify(endedByRestructure)})`,
        );
        for (const borough of base.boroughs) {
          endEveryPosting(model, { kind: 'borough', name: borough });
          model.membership.set(borough, name);
        }
        // RS-4: the designate posting of the BCU's commander takes command of it; no other posting starts.
        const commander = holdersOf(model, { kind: 'bcu', name }, 'bcu-commander');
        const designate = commander.substantive;
        ensure(designate !== undefined, () => `${name} went live without a commander named in the model`);
        const takenUp = live.events.flatMap((recorded) =>
          recorded.event.type === 'CommandTakenUp' ? [{ postingId: recorded.event.data.postingId, at: recorded.event.data.at }] : [],
        );
        ensureEqual(takenUp, [{ postingId: designate?.postingId, at }], `the commands taken up when ${name} went live`);
        ensure(!live.events.some((recorded) => recorded.event.type === 'PostingStarted'), () => `${name} went live and a posting started`);
        if (designate !== undefined) commander.substantive = { ...designate, designate: false };
        state.status = 'live';
        count(real, 'go live', 'accepted');
      },
    );
  });

/** RS-9 and PO-6: a live BCU is dissolved and its commander's posting ends; any other is refused. */
export const dissolveStep: fc.Arbitrary<SystemStep> = fc
  .record({ bcu: fc.nat(1), notLive: oneIn(3), days: daysArbitrary })
  .map(({ bcu: index, notLive, days }) =>
    systemStep(
      `dissolve(a live BCU, else BCU ${String(index + 1)}, +${String(days)} days)`,
      (model) => notLive || [...model.bcus.values()].some((bcu) => bcu.status === 'live'),
      async (model, real) => {
        advance(model, days);
        // A live BCU when there is one; else the one picked, which is refused.
        const live = modelBcus.filter((bcu) => model.bcus.get(bcu.name)?.status === 'live');
        const base = live[index % Math.max(1, live.length)] ?? modelBcus[index] ?? modelBcus[0];
        const state = stateOf(model, base.name);
        const name = bcuNameOf(base.name, state.generation);
        const command = restructureCommand(model, { type: 'DissolveBcu', bcu: name, reason: 'boroughs return to borough commands' });
        if (state.status !== 'live') {
          await refused(real, command, 'RS-9');
          count(real, 'dissolve', 'refused');
          return;
        }
        const result = await accepted(real, command);
        ensureEqual(result.failedReactions.length, 0, `failed reactions to ${name} being dissolved`);
        endEveryPosting(model, { kind: 'bcu', name });
        for (const borough of base.boroughs) model.membership.delete(borough);
        state.status = 'none';
        state.generation += 1;
        state.consulted = false;
        count(real, 'dissolve', 'accepted');
      },
    ),
  );

/** RS-1: a BCU with a borough already in a proposed or live BCU is refused. */
export const proposeOverlappingStep: fc.Arbitrary<SystemStep> = fc
  .record({ pick: fc.nat(3), other: fc.nat(2), days: daysArbitrary })
  .map(({ pick, other, days }) =>
    systemStep(
      `proposeOverlapping(+${String(days)} days)`,
      (model) => model.programmeStarted && [...model.bcus.values()].some((bcu) => bcu.status !== 'none'),
      async (model, real) => {
        advance(model, days);
        const taken = modelBcus.filter((bcu) => model.bcus.get(bcu.name)?.status !== 'none').flatMap((bcu) => [...bcu.boroughs]);
        const borough = taken[pick % taken.length] ?? 'Camden';
        const others = modelBoroughs.filter((name) => name !== borough);
        const partner = others[other % others.length] ?? 'Hackney';
        const proposal = restructureCommand(model, { type: 'ProposeBcu', programmeId: 'pathfinder', bcu: `Rogue BCU ${String(model.issued)}`, boroughs: [borough, partner] });
        await refused(real, proposal, 'RS-1');
        count(real, 'propose overlapping BCU', 'refused');
      },
    ),
  );
