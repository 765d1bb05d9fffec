import { alwaysEventDecider, alwaysEventStreamId, PdsaCycleLinkFact } from '../../domain/always-event';
import { pdsaDecider, pdsaStreamId } from '../../domain/pdsa';
import { dataOf } from '../commands-of';
import type { FactLookups } from '../fact-lookups';
import { alwaysEvent } from './always-event-commands-of';
import {
  AddDriverDto,
  LinkDriverDiagramItemDto,
  RetireDriverDiagramItemDto,
  RewordDriverDiagramItemDto,
} from './driver-diagram.dtos';

/** Each PDSA cycle named in a link, with the Always Event and organisation it belongs to. */
function pdsaCyclesToLink(lookups: FactLookups, pdsaCycleIds: string[]): Promise<PdsaCycleLinkFact[]> {
  return Promise.all(
    pdsaCycleIds.map(async (pdsaCycleId) => {
      const cycle = (await lookups.load(pdsaDecider, pdsaStreamId(pdsaCycleId))).state.ref;
      const alwaysEvent = cycle
        ? (await lookups.load(alwaysEventDecider, alwaysEventStreamId(cycle.alwaysEventId))).state.subject
        : null;
      return {
        pdsaCycleId,
        alwaysEventId: cycle?.alwaysEventId ?? null,
        odsCode: alwaysEvent?.odsCode ?? null,
        changeIdeaId: cycle?.changeIdeaId ?? null,
      };
    }),
  );
}

/** The driver diagram: drivers added, items reworded, retired and relinked, each an event. */
export const driverDiagramCommands = [
  alwaysEvent.command({
    name: 'AddDriver',
    summary: "Add a primary driver (under the statement's aim) or a secondary driver (under drivers)",
    dto: AddDriverDto,
    data: dataOf,
  }),
  alwaysEvent.command({
    name: 'RewordDriverDiagramItem',
    summary: 'Reword a driver or a change idea of the driver diagram, with the reason',
    dto: RewordDriverDiagramItemDto,
    data: dataOf,
  }),
  alwaysEvent.command({
    name: 'RetireDriverDiagramItem',
    summary: 'Retire a driver or a change idea from the driver diagram (it stays in its history)',
    dto: RetireDriverDiagramItemDto,
    data: dataOf,
  }),
  alwaysEvent.commandWithFacts({
    name: 'LinkDriverDiagramItem',
    summary:
      'Place a driver or change idea under drivers; link a change idea to the PDSA cycles that test it and the measures that show it',
    description:
      'The links given replace the item’s links; every change is an event (DriverDiagramItemRelinked).',
    dto: LinkDriverDiagramItemDto,
    data: dataOf,
    facts: async (dto, lookups) => ({ pdsaCycles: await pdsaCyclesToLink(lookups, dto.pdsaCycleIds) }),
  }),
];
