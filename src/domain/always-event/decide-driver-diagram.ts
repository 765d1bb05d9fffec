import { DomainError, ensure } from '../shared';
import {
  AddDriver,
  DiagramItem,
  DriverAdded,
  DriverDiagramItemRelinked,
  DriverDiagramItemRetired,
  DriverDiagramItemReworded,
  LinkDriverDiagramItem,
  RetireDriverDiagramItem,
  RewordDriverDiagramItem,
} from './driver-diagram';
import { descendantsOf } from './driver-diagram-state';
import { ensureOpen, ensurePhase, FROM_STATEMENT } from './guards';
import { AlwaysEventState } from './state';

/**
 * Driver diagram rules: it hangs under the agreed statement's aim; primary
 * drivers sit under the aim, secondary drivers under other drivers, change
 * ideas under drivers; nothing sits under itself or under what sits under it;
 * a change idea is linked only to this Always Event's own PDSA cycles that
 * test it and to its linked measures; retired items stay in the history.
 */

function activeItem(state: AlwaysEventState, itemId: string): DiagramItem {
  const item = state.diagram[itemId];
  if (item === undefined) {
    throw new DomainError(
      'driver-diagram-item-not-found',
      `The driver diagram has no driver or change idea ${itemId}`,
      'invalid',
      'itemId',
    );
  }
  ensure(!item.retired, 'driver-diagram-item-retired', `${itemId} was retired from the driver diagram`);
  return item;
}

function ensureParents(state: AlwaysEventState, itemId: string, parentDriverIds: string[]): void {
  const below = descendantsOf(state.diagram, itemId);
  const looping = parentDriverIds.find((id) => id === itemId || below.has(id));
  ensure(
    looping === undefined,
    'driver-diagram-cycle',
    `${itemId} cannot sit under ${looping === itemId ? 'itself' : `${looping}, which sits under it`}: a driver diagram has no cycles`,
    'invalid',
    'parentDriverIds',
  );
  for (const parentId of parentDriverIds) {
    const parent = state.diagram[parentId];
    ensure(
      parent !== undefined && parent.kind !== 'ChangeIdea',
      'driver-not-found',
      `There is no driver ${parentId} in the driver diagram`,
      'invalid',
      'parentDriverIds',
    );
    ensure(!parent.retired, 'driver-retired', `Driver ${parentId} was retired; link to a current driver`);
  }
}

function ensurePlacement(kind: DiagramItem['kind'], parentDriverIds: string[]): void {
  if (kind === 'PrimaryDriver') {
    ensure(
      parentDriverIds.length === 0,
      'primary-driver-under-driver',
      'A primary driver sits under the aim, not under another driver',
      'invalid',
      'parentDriverIds',
    );
  } else {
    ensure(
      parentDriverIds.length > 0,
      kind === 'SecondaryDriver' ? 'orphan-secondary-driver' : 'orphan-change-idea',
      `A ${kind === 'SecondaryDriver' ? 'secondary driver' : 'change idea'} sits under at least one driver`,
      'invalid',
      'parentDriverIds',
    );
  }
}

export function addDriver(command: AddDriver, state: AlwaysEventState): DriverAdded[] {
  const subject = ensureOpen(state);
  ensurePhase(state, FROM_STATEMENT, 'driver-diagram-needs-aim', 'AddDriver');
  const { driverId, level, text, parentDriverIds } = command.data;
  ensure(
    !(driverId in state.diagram),
    'driver-diagram-item-exists',
    `${driverId} is already in the driver diagram`,
  );
  ensurePlacement(level === 'Primary' ? 'PrimaryDriver' : 'SecondaryDriver', parentDriverIds);
  ensureParents(state, driverId, parentDriverIds);
  return [
    {
      type: 'DriverAdded',
      data: { ...subject, driverId, level, text, parentDriverIds, addedAt: command.context.occurredAt },
    },
  ];
}

export function rewordDriverDiagramItem(
  command: RewordDriverDiagramItem,
  state: AlwaysEventState,
): DriverDiagramItemReworded[] {
  const subject = ensureOpen(state);
  const { itemId, text, reason } = command.data;
  const item = activeItem(state, itemId);
  ensure(
    text !== item.text,
    'rewording-changes-nothing',
    'The new wording is the current wording',
    'invalid',
    'text',
  );
  return [
    {
      type: 'DriverDiagramItemReworded',
      data: { ...subject, itemId, kind: item.kind, text, previousText: item.text, reason },
    },
  ];
}

export function retireDriverDiagramItem(
  command: RetireDriverDiagramItem,
  state: AlwaysEventState,
): DriverDiagramItemRetired[] {
  const subject = ensureOpen(state);
  const { itemId, reason } = command.data;
  const item = activeItem(state, itemId);
  const stranded = Object.entries(state.diagram)
    .filter(([, child]) => !child.retired && child.parentDriverIds.includes(itemId))
    .filter(([, child]) => child.parentDriverIds.every((id) => id === itemId || state.diagram[id]?.retired))
    .map(([id]) => id);
  ensure(
    stranded.length === 0,
    'driver-has-active-children',
    `Retiring ${itemId} would leave ${stranded.join(', ')} under no current driver: relink or retire them first`,
  );
  return [
    {
      type: 'DriverDiagramItemRetired',
      data: { ...subject, itemId, kind: item.kind, reason, retiredAt: command.context.occurredAt },
    },
  ];
}

function ensureCycleLinks(command: LinkDriverDiagramItem, odsCode: string, alwaysEventId: string): void {
  const { itemId, pdsaCycleIds } = command.data;
  for (const id of pdsaCycleIds) {
    const cycle = command.facts.pdsaCycles.find((c) => c.pdsaCycleId === id);
    ensure(
      cycle !== undefined && cycle.alwaysEventId !== null,
      'pdsa-cycle-not-found',
      `There is no PDSA cycle ${id}`,
      'invalid',
      'pdsaCycleIds',
    );
    ensure(
      cycle.odsCode === odsCode,
      'pdsa-cycle-of-another-organisation',
      `PDSA cycle ${id} belongs to organisation ${cycle.odsCode}, not ${odsCode}`,
      'invalid',
      'pdsaCycleIds',
    );
    ensure(
      cycle.alwaysEventId === alwaysEventId,
      'pdsa-cycle-of-another-always-event',
      `PDSA cycle ${id} tests a change for Always Event ${cycle.alwaysEventId}`,
      'invalid',
      'pdsaCycleIds',
    );
    ensure(
      cycle.changeIdeaId === itemId,
      'pdsa-cycle-tests-another-change-idea',
      `PDSA cycle ${id} tests change idea ${cycle.changeIdeaId}, not ${itemId}`,
      'invalid',
      'pdsaCycleIds',
    );
  }
}

export function linkDriverDiagramItem(
  command: LinkDriverDiagramItem,
  state: AlwaysEventState,
): DriverDiagramItemRelinked[] {
  const subject = ensureOpen(state);
  const { itemId, parentDriverIds, pdsaCycleIds, measureIds } = command.data;
  const item = activeItem(state, itemId);
  ensureParents(state, itemId, parentDriverIds);
  ensurePlacement(item.kind, parentDriverIds);
  if (item.kind !== 'ChangeIdea') {
    ensure(
      pdsaCycleIds.length === 0 && measureIds.length === 0,
      'links-only-for-change-ideas',
      'Only a change idea is linked to PDSA cycles and measures',
      'invalid',
      pdsaCycleIds.length > 0 ? 'pdsaCycleIds' : 'measureIds',
    );
  }
  ensureCycleLinks(command, subject.odsCode, subject.alwaysEventId);
  const unlinked = measureIds.filter((id) => !(id in state.measures));
  ensure(
    unlinked.length === 0,
    'measure-not-linked',
    `Measure ${unlinked.join(', ')} is not linked to this Always Event (LinkMeasure first)`,
    'invalid',
    'measureIds',
  );
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
  ensure(
    !(
      same(parentDriverIds, item.parentDriverIds) &&
      same(pdsaCycleIds, item.pdsaCycleIds) &&
      same(measureIds, item.measureIds)
    ),
    'relinking-changes-nothing',
    `${itemId} is already linked exactly so`,
    'invalid',
  );
  const previous = {
    parentDriverIds: item.parentDriverIds,
    pdsaCycleIds: item.pdsaCycleIds,
    measureIds: item.measureIds,
  };
  return [
    {
      type: 'DriverDiagramItemRelinked',
      data: { ...subject, itemId, kind: item.kind, parentDriverIds, pdsaCycleIds, measureIds, previous },
    },
  ];
}
