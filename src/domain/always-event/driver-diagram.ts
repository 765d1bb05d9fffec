import { Command, IsoDateTime } from '../shared';
import type { AlwaysEventSubject } from './events';
import { DomainEvent } from '../shared';

/**
 * The Always Event's driver diagram (Model for Improvement): under the agreed
 * statement's aim, primary drivers, secondary drivers (which may sit under
 * other secondary drivers), and the change ideas, each linked to the PDSA
 * cycles that test it and the measures that show it. Every revision is an
 * event, so the diagram can be read as it stood on any date.
 */

export const DRIVER_LEVELS = ['Primary', 'Secondary'] as const;
export type DriverLevel = (typeof DRIVER_LEVELS)[number];
export type DiagramItemKind = 'PrimaryDriver' | 'SecondaryDriver' | 'ChangeIdea';

export const kindOfLevel = (level: DriverLevel): DiagramItemKind =>
  level === 'Primary' ? 'PrimaryDriver' : 'SecondaryDriver';

export interface DiagramLinks {
  /** The drivers it sits under (none for a primary driver: it sits under the aim). */
  parentDriverIds: string[];
  /** Change ideas only: the PDSA cycles that test it and the measures that show it. */
  pdsaCycleIds: string[];
  measureIds: string[];
}

interface Target {
  alwaysEventId: string;
}

export type AddDriver = Command<
  'AddDriver',
  Target & { driverId: string; level: DriverLevel; text: string; parentDriverIds: string[] }
>;
export type RewordDriverDiagramItem = Command<
  'RewordDriverDiagramItem',
  Target & { itemId: string; text: string; reason: string }
>;
export type RetireDriverDiagramItem = Command<
  'RetireDriverDiagramItem',
  Target & { itemId: string; reason: string }
>;

/** A PDSA cycle named in a link, as the application folded it (null fields: no such cycle). */
export interface PdsaCycleLinkFact {
  pdsaCycleId: string;
  alwaysEventId: string | null;
  odsCode: string | null;
  changeIdeaId: string | null;
}
export type LinkDriverDiagramItem = Command<
  'LinkDriverDiagramItem',
  Target & { itemId: string } & DiagramLinks,
  { pdsaCycles: PdsaCycleLinkFact[] }
>;

export type DriverDiagramCommand =
  AddDriver | RewordDriverDiagramItem | RetireDriverDiagramItem | LinkDriverDiagramItem;

type Event<Type extends string, Data> = DomainEvent<Type, AlwaysEventSubject & Data>;

export type DriverAdded = Event<
  'DriverAdded',
  { driverId: string; level: DriverLevel; text: string; parentDriverIds: string[]; addedAt: IsoDateTime }
>;
export type DriverDiagramItemReworded = Event<
  'DriverDiagramItemReworded',
  { itemId: string; kind: DiagramItemKind; text: string; previousText: string; reason: string }
>;
export type DriverDiagramItemRetired = Event<
  'DriverDiagramItemRetired',
  { itemId: string; kind: DiagramItemKind; reason: string; retiredAt: IsoDateTime }
>;
export type DriverDiagramItemRelinked = Event<
  'DriverDiagramItemRelinked',
  { itemId: string; kind: DiagramItemKind; previous: DiagramLinks } & DiagramLinks
>;

export type DriverDiagramEvent =
  DriverAdded | DriverDiagramItemReworded | DriverDiagramItemRetired | DriverDiagramItemRelinked;

/** One item of the diagram as the aggregate folds it. */
export interface DiagramItem extends DiagramLinks {
  kind: DiagramItemKind;
  text: string;
  retired: boolean;
}

export type DriverDiagram = Record<string, DiagramItem>;
