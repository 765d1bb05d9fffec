import {
  Aim,
  AlwaysEventEvent,
  DiagramItemKind,
  DriverDiagram,
  evolveDiagram,
} from '../../domain/always-event';
import { PdsaEvent } from '../../domain/pdsa';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';
import { storedMaps } from '../runner/stored-maps';

/**
 * Driver diagrams: per Always Event its aim, its drivers and change ideas as
 * the aggregate folds them (the decider's own evolveDiagram), and every
 * revision dated; with the PDSA cycles and measure names the diagram shows
 * beside each change idea. Folded at any bounds like every read model.
 */

export interface Revision {
  on: string;
  itemId: string;
  kind: DiagramItemKind;
  change: 'added' | 'reworded' | 'retired' | 'relinked';
  text: string | null;
  reason: string | null;
}

export interface DiagramRecord {
  programmeSlug: string;
  odsCode: string;
  aim: Aim | null;
  statementVersion: number | null;
  items: DriverDiagram;
  origins: Record<string, string>;
  revisions: Revision[];
}

export interface CycleRecord {
  alwaysEventId: string;
  changeIdeaId: string;
  cycleNumber: number;
  previousCycleId: string | null;
  status: 'Planned' | 'Running' | 'Studied' | 'Completed' | 'Cancelled';
  decision: string | null;
  plannedOn: string;
  completedOn: string | null;
}

export interface DriverDiagramsState {
  alwaysEvents: Record<string, DiagramRecord>;
  cycles: Record<string, CycleRecord>;
  measures: Record<string, { name: string; role: string }>;
}

const ALWAYS_EVENT_TYPES: readonly AlwaysEventEvent['type'][] = [
  'AlwaysEventInitiated',
  'AlwaysEventStatementAgreed',
  'AimStatementRevised',
  'ChangeIdeaProposed',
  'DriverAdded',
  'DriverDiagramItemReworded',
  'DriverDiagramItemRetired',
  'DriverDiagramItemRelinked',
];
const PDSA_TYPES: readonly PdsaEvent['type'][] = [
  'PdsaCyclePlanned',
  'PdsaCycleStarted',
  'PdsaCycleStudied',
  'PdsaCycleCompleted',
  'PdsaCycleCancelled',
];

const CHANGES = {
  DriverDiagramItemReworded: 'reworded',
  DriverDiagramItemRetired: 'retired',
  DriverDiagramItemRelinked: 'relinked',
} as const;

const day = (event: RecordedEvent) => event.metadata.occurredAt.slice(0, 10);

function applyAlwaysEvent(state: DriverDiagramsState, e: AlwaysEventEvent, on: string): void {
  if (e.type === 'AlwaysEventInitiated') {
    const { programmeSlug, odsCode } = e.data;
    state.alwaysEvents[e.data.alwaysEventId] = {
      programmeSlug,
      odsCode,
      aim: null,
      statementVersion: null,
      items: {},
      origins: {},
      revisions: [],
    };
    return;
  }
  const record = state.alwaysEvents[e.data.alwaysEventId];
  if (!record) return;
  const revise = (revision: Omit<Revision, 'on'>) => record.revisions.push({ on, ...revision });
  switch (e.type) {
    case 'AlwaysEventStatementAgreed':
    case 'AimStatementRevised':
      record.aim = e.data.aim;
      record.statementVersion = e.data.statementVersion;
      return;
    case 'ChangeIdeaProposed':
      record.items = evolveDiagram(record.items, e);
      record.origins[e.data.changeIdeaId] = e.data.origin;
      revise({
        itemId: e.data.changeIdeaId,
        kind: 'ChangeIdea',
        change: 'added',
        text: e.data.description,
        reason: null,
      });
      return;
    case 'DriverAdded':
      record.items = evolveDiagram(record.items, e);
      revise({
        itemId: e.data.driverId,
        kind: e.data.level === 'Primary' ? 'PrimaryDriver' : 'SecondaryDriver',
        change: 'added',
        text: e.data.text,
        reason: null,
      });
      return;
    case 'DriverDiagramItemReworded':
    case 'DriverDiagramItemRetired':
    case 'DriverDiagramItemRelinked':
      record.items = evolveDiagram(record.items, e);
      revise({
        itemId: e.data.itemId,
        kind: e.data.kind,
        change: CHANGES[e.type],
        text: e.type === 'DriverDiagramItemReworded' ? e.data.text : null,
        reason: e.type === 'DriverDiagramItemRelinked' ? null : e.data.reason,
      });
      return;
  }
}

function applyCycle(state: DriverDiagramsState, e: PdsaEvent, on: string): void {
  const id = e.data.pdsaCycleId;
  if (e.type === 'PdsaCyclePlanned') {
    state.cycles[id] = {
      alwaysEventId: e.data.alwaysEventId,
      changeIdeaId: e.data.changeIdeaId,
      cycleNumber: e.data.cycleNumber,
      previousCycleId: e.data.previousCycleId,
      status: 'Planned',
      decision: null,
      plannedOn: on,
      completedOn: null,
    };
    return;
  }
  const cycle = state.cycles[id];
  if (!cycle) return;
  switch (e.type) {
    case 'PdsaCycleStarted':
      cycle.status = 'Running';
      return;
    case 'PdsaCycleStudied':
      cycle.status = 'Studied';
      return;
    case 'PdsaCycleCompleted':
      cycle.status = 'Completed';
      cycle.decision = e.data.decision;
      cycle.completedOn = on;
      return;
    case 'PdsaCycleCancelled':
      cycle.status = 'Cancelled';
      return;
  }
}

const initialDriverDiagrams = (): DriverDiagramsState => ({ alwaysEvents: {}, cycles: {}, measures: {} });

export const driverDiagramsProjection: Projection<DriverDiagramsState> = {
  name: 'driver-diagrams',
  // 2: the live model keeps each Always Event's diagram in the state database (storedMaps).
  version: 2,
  initialState: initialDriverDiagrams,
  // Each diagram is read and changed alone (a view is one Always Event's): they are most of the model.
  storage: storedMaps('driver-diagrams', initialDriverDiagrams, ['alwaysEvents']),
  filter: { eventTypes: [...ALWAYS_EVENT_TYPES, ...PDSA_TYPES, 'MeasureDefined'] },
  apply(state, event: RecordedEvent) {
    const routed = routeEvent(event);
    switch (routed?.category) {
      case 'always-event':
        applyAlwaysEvent(state, routed.event, day(event));
        break;
      case 'pdsa':
        applyCycle(state, routed.event, day(event));
        break;
      case 'measure': {
        const m = routed.event;
        if (m.type === 'MeasureDefined')
          state.measures[m.data.measureId] = { name: m.data.name, role: m.data.role };
        break;
      }
    }
    return state;
  },
  table: (state) =>
    Object.entries(state.alwaysEvents).flatMap(([alwaysEventId, record]) =>
      Object.entries(record.items).map(([itemId, item]) => ({
        alwaysEventId,
        odsCode: record.odsCode,
        itemId,
        kind: item.kind,
        text: item.text,
        retired: item.retired,
        parentDriverIds: item.parentDriverIds,
        pdsaCycleIds: item.pdsaCycleIds,
        measureIds: item.measureIds,
      })),
    ),
};
