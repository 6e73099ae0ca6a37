import * as E from 'fp-ts/lib/Either.js';
import {
  activePostings,
  actingCommander,
  liveBcus,
  postingDecider,
  postingStream,
  restructureDecider,
  restructureStream,
  rolesOfUnitKind,
  substantiveCommander,
  type CommandUnit,
  type DomainEvent,
  type PostingEvent,
  type PostingState,
  type RestructureEvent,
  type RestructureState,
} from '@borough-command/domain';
import { describeStoreError, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { projectionsOf, rebuildViews, type BoroughCommandViews } from '@borough-command/projections';
import { commandUnitOf, holdersOf, modelBoroughs, type SystemModel } from './system-model.js';
import { ensure, ensureEqual, type SystemUnderTest } from './system-under-test.js';

/** The restructure stream the model's commands write to. */
export const MODEL_RESTRUCTURE_ID = 'met';

const readStream = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const read = await store.readStream(stream)();
  if (E.isRight(read)) return read.right;
  if (read.left._tag === 'StreamNotFound') return [];
  throw new Error(`reading ${stream} failed: ${describeStoreError(read.left)}`);
};

/** PO-1 in the store: each role of a unit has the holders the model says (RS-4: designate or in command), and never two substantive commanders. */
const checkPostings = async (model: SystemModel, real: SystemUnderTest, unit: CommandUnit): Promise<void> => {
  const decider = postingDecider(model.policy);
  const events = await readStream(real.store, postingStream(unit));
  const state = events.reduce<PostingState>((folded, recorded) => decider.evolve(folded, recorded.event as PostingEvent), decider.initialState);
  for (const role of rolesOfUnitKind[unit.kind]) {
    const active = activePostings(state).filter((posting) => posting.role === role);
    ensure(active.filter((posting) => !posting.acting).length <= 1, () => `${unit.name} has ${String(active.length)} substantive ${role}s at once`);
    ensure(active.filter((posting) => posting.acting).length <= 1, () => `${unit.name} has two acting ${role}s at once`);
    const holders = holdersOf(model, unit, role);
    const substantive = substantiveCommander(state, role);
    ensureEqual(
      substantive === undefined ? null : { postingId: substantive.postingId, designate: substantive.designate },
      holders.substantive === undefined ? null : { postingId: holders.substantive.postingId, designate: holders.substantive.designate },
      `the substantive ${role} of ${unit.name} on ${model.today}`,
    );
    const acting = actingCommander(state, role)?.postingId ?? null;
    ensureEqual(acting, holders.acting?.postingId ?? null, `the acting ${role} of ${unit.name} on ${model.today}`);
  }
};

/** RS-1 in the store: a borough is in at most one live BCU, the one the model says. */
const checkMembership = async (model: SystemModel, real: SystemUnderTest): Promise<void> => {
  const decider = restructureDecider(model.policy);
  const events = await readStream(real.store, restructureStream(MODEL_RESTRUCTURE_ID));
  const state = events.reduce<RestructureState>((folded, recorded) => decider.evolve(folded, recorded.event as RestructureEvent), decider.initialState);
  const live = liveBcus(state);
  for (const borough of modelBoroughs) {
    const containing = live.filter((bcu) => bcu.boroughs.includes(borough)).map((bcu) => bcu.name);
    ensure(containing.length <= 1, () => `${borough} is in ${String(containing.length)} live BCUs: ${containing.join(', ')}`);
    ensureEqual(containing[0] ?? null, model.membership.get(borough) ?? null, `the live BCU of ${borough} on ${model.today}`);
  }
};

/** AC-1 as at the model's date: each borough's command unit and commander are the model's. */
const checkAccountability = (model: SystemModel, views: BoroughCommandViews, which: string): void => {
  for (const borough of modelBoroughs) {
    const answer = views.accountability.accountabilityOn(borough, model.today);
    ensure(E.isRight(answer), () => `AC-1 (${which}) does not answer for ${borough}`);
    if (E.isLeft(answer)) return;
    const unit = commandUnitOf(model, borough);
    ensureEqual(answer.right.commandUnit.unit, unit, `AC-1 (${which}): the command unit of ${borough} on ${model.today}`);
    const holders = holdersOf(model, unit, unit.kind === 'borough' ? 'borough-commander' : 'bcu-commander');
    const holder = holders.substantive ?? holders.acting;
    ensureEqual(
      answer.right.commander === null ? null : { postingId: answer.right.commander.postingId, acting: answer.right.commander.acting },
      holder === undefined ? null : { postingId: holder.postingId, acting: holder.acting },
      `AC-1 (${which}): the commander of ${borough} on ${model.today}`,
    );
  }
};

const snapshotsOf = (views: BoroughCommandViews): readonly unknown[] => projectionsOf(views).map((projection) => projection.snapshot());

/** Waits until the runner's views have applied every event up to the last position seen. */
const caughtUp = async (real: SystemUnderTest, timeoutMs: number): Promise<void> => {
  const { following } = real;
  if (following === undefined || real.position === undefined) return;
  const target = real.position;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (projectionsOf(following.views).every((projection) => (projection.position() ?? -1n) >= target)) return;
    ensure(Date.now() < deadline, () => `the runner did not reach position ${target.toString()} in ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

/**
 * Everything that must hold after a step: the store's postings and BCUs are the model's (PO-1, RS-1,
 * and through them AP-12 and PO-6), and the views, rebuilt from the store and followed by the
 * runner, answer AC-1 as the model does and hold the same state.
 */
export const checkSystem = async (model: SystemModel, real: SystemUnderTest): Promise<void> => {
  const units: CommandUnit[] = [
    ...modelBoroughs.map((name): CommandUnit => ({ kind: 'borough', name })),
    ...[...model.bcuUnits].map((name): CommandUnit => ({ kind: 'bcu', name })),
  ];
  for (const unit of units) await checkPostings(model, real, unit);
  await checkMembership(model, real);
  let rebuilt: BoroughCommandViews | undefined;
  if (real.rebuild) {
    const views = await rebuildViews(real.store, { policy: model.policy })();
    if (E.isLeft(views)) throw new Error(`the views could not be rebuilt: ${views.left.message}`);
    rebuilt = views.right;
    checkAccountability(model, rebuilt, 'rebuilt');
  }
  if (real.following !== undefined) {
    await caughtUp(real, 10_000);
    checkAccountability(model, real.following.views, 'followed by the runner');
    if (rebuilt !== undefined) ensureEqual(snapshotsOf(real.following.views), snapshotsOf(rebuilt), 'the views followed by the runner and the views rebuilt');
  }
};
