import { commanderRoles, type CommanderRole } from '@borough-command/domain';
import type { PostingReport } from '@borough-command/projections';

/** One row of a tenure chart: postings of one role that do not overlap in time. */
export interface ChartLane {
  readonly role: CommanderRole;
  /** Whether this is the role's first row (the one that carries the role's label). */
  readonly firstOfRole: boolean;
  readonly postings: readonly PostingReport[];
}

interface OpenLane {
  readonly postings: PostingReport[];
  /** The end of the lane's last posting; null while that posting is in post. */
  lastEnd: string | null;
  started: boolean;
}

const fits = (lane: OpenLane, posting: PostingReport): boolean => !lane.started || (lane.lastEnd !== null && lane.lastEnd <= posting.start);

/**
 * Lays a unit's postings out in rows, role by role (borough commander, link borough commander,
 * BCU commander): each posting goes to the first row of its role where it overlaps nothing
 * (a posting runs from its start up to its end, the successor's first day), so a handover shares
 * a row and an overlap, which PO-1 allows only between roles, gets a row of its own.
 */
export const chartLanes = (postings: readonly PostingReport[]): readonly ChartLane[] =>
  commanderRoles.flatMap((role) => {
    const lanes: OpenLane[] = [];
    const ofRole = postings.filter((posting) => posting.role === role).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const posting of ofRole) {
      let lane = lanes.find((candidate) => fits(candidate, posting));
      if (lane === undefined) {
        lane = { postings: [], lastEnd: null, started: false };
        lanes.push(lane);
      }
      lane.postings.push(posting);
      lane.lastEnd = posting.end;
      lane.started = true;
    }
    return lanes.map((lane, index): ChartLane => ({ role, firstOfRole: index === 0, postings: lane.postings }));
  });
