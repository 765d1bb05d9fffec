import { Aim, DiagramItem } from '../../domain/always-event';
import { CycleRecord, DriverDiagramsState, Revision } from './driver-diagrams.projection';

export interface CycleView {
  pdsaCycleId: string;
  cycleNumber: number;
  status: CycleRecord['status'];
  decision: string | null;
  plannedOn: string;
  completedOn: string | null;
}

export interface ChangeIdeaView {
  changeIdeaId: string;
  text: string;
  origin: string | null;
  /** The PDSA cycles linked to it, in chain order (cycle number, then plan date). */
  pdsaCycles: CycleView[];
  /** Cycles that test it but are not linked in the diagram yet. */
  unlinkedCycles: CycleView[];
  /** The decision of its last completed linked cycle: where the idea stands. */
  outcome: string | null;
  measures: Array<{ measureId: string; name: string | null; role: string | null }>;
}

export interface DriverView {
  driverId: string;
  text: string;
  /** Drivers under it (secondary drivers, and any under those). */
  drivers: DriverView[];
  changeIdeas: ChangeIdeaView[];
}

export interface DriverDiagramView {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
  aim: Aim | null;
  statementVersion: number | null;
  primaryDrivers: DriverView[];
  /** Change ideas not placed under any current driver yet. */
  unplacedChangeIdeas: ChangeIdeaView[];
  retired: Array<{ itemId: string; kind: string; text: string }>;
  revisions: Revision[];
}

const byChain = (a: CycleView, b: CycleView) =>
  a.cycleNumber - b.cycleNumber || (a.plannedOn < b.plannedOn ? -1 : 1);

export function driverDiagramView(
  state: DriverDiagramsState,
  alwaysEventId: string,
): DriverDiagramView | null {
  const record = state.alwaysEvents[alwaysEventId];
  if (!record) return null;
  const items = Object.entries(record.items);
  const current = items.filter(([, item]) => !item.retired);
  const cycleView = (pdsaCycleId: string): CycleView[] => {
    const cycle = state.cycles[pdsaCycleId];
    return cycle ? [{ pdsaCycleId, ...pick(cycle) }] : [];
  };
  const changeIdea = (id: string, item: DiagramItem): ChangeIdeaView => {
    const linked = item.pdsaCycleIds.flatMap(cycleView).sort(byChain);
    const testing = Object.entries(state.cycles)
      .filter(([cycleId, c]) => c.changeIdeaId === id && !item.pdsaCycleIds.includes(cycleId))
      .flatMap(([cycleId]) => cycleView(cycleId))
      .sort(byChain);
    const completed = linked.filter((c) => c.status === 'Completed');
    return {
      changeIdeaId: id,
      text: item.text,
      origin: record.origins[id] ?? null,
      pdsaCycles: linked,
      unlinkedCycles: testing,
      outcome: completed.at(-1)?.decision ?? null,
      measures: item.measureIds.map((measureId) => ({
        measureId,
        name: state.measures[measureId]?.name ?? null,
        role: state.measures[measureId]?.role ?? null,
      })),
    };
  };
  const driver = (id: string, item: DiagramItem, seen: Set<string>): DriverView => {
    const under = current.filter(
      ([childId, child]) => child.parentDriverIds.includes(id) && !seen.has(childId),
    );
    const next = new Set([...seen, id]);
    return {
      driverId: id,
      text: item.text,
      drivers: under.filter(([, c]) => c.kind === 'SecondaryDriver').map(([cid, c]) => driver(cid, c, next)),
      changeIdeas: under.filter(([, c]) => c.kind === 'ChangeIdea').map(([cid, c]) => changeIdea(cid, c)),
    };
  };
  const placed = (item: DiagramItem) =>
    item.parentDriverIds.some((p) => record.items[p] && !record.items[p].retired);
  return {
    alwaysEventId,
    programmeSlug: record.programmeSlug,
    odsCode: record.odsCode,
    aim: record.aim,
    statementVersion: record.statementVersion,
    primaryDrivers: current
      .filter(([, item]) => item.kind === 'PrimaryDriver')
      .map(([id, item]) => driver(id, item, new Set())),
    unplacedChangeIdeas: current
      .filter(([, item]) => item.kind === 'ChangeIdea' && !placed(item))
      .map(([id, item]) => changeIdea(id, item)),
    retired: items
      .filter(([, item]) => item.retired)
      .map(([itemId, item]) => ({ itemId, kind: item.kind, text: item.text })),
    revisions: record.revisions,
  };
}

function pick(cycle: CycleRecord): Omit<CycleView, 'pdsaCycleId'> {
  const { cycleNumber, status, decision, plannedOn, completedOn } = cycle;
  return { cycleNumber, status, decision, plannedOn, completedOn };
}
