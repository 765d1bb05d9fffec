import { AlwaysEventEvent } from '../../domain/always-event';
import { SpreadState } from './spread-state';

/** The Always Event events applyAlwaysEventFact takes. */
export const ALWAYS_EVENT_FACTS: readonly AlwaysEventEvent['type'][] = [
  'AlwaysEventInitiated',
  'AlwaysEventStatementAgreed',
  'ScaleUpUnitAdded',
  'ScaleUpUnitWentLive',
  'ScaleUpUnitStopped',
  'AlwaysEventClosed',
];

/** Always Event facts the spread model needs: settings, scale-up units, spread lineage. */
export function applyAlwaysEventFact(state: SpreadState, e: AlwaysEventEvent): void {
  if (e.type === 'AlwaysEventInitiated') {
    const d = e.data;
    state.alwaysEvents[d.alwaysEventId] = {
      alwaysEventId: d.alwaysEventId,
      programmeSlug: d.programmeSlug,
      odsCode: d.odsCode,
      setting: d.homeUnit.setting,
      initiatedOn: d.initiatedAt.slice(0, 10),
      statementAgreedOn: null,
      derivedFromAlwaysEventId: d.derivedFrom?.alwaysEventId ?? null,
      closedOn: null,
      units: {},
    };
    return;
  }
  const ae = state.alwaysEvents[e.data.alwaysEventId];
  if (!ae) return;
  switch (e.type) {
    case 'AlwaysEventStatementAgreed':
      ae.statementAgreedOn ??= e.data.agreedAt.slice(0, 10);
      return;
    case 'ScaleUpUnitAdded':
      ae.units[e.data.unitId] = {
        name: e.data.name,
        setting: e.data.setting,
        goLiveOn: null,
        stoppedOn: null,
      };
      return;
    case 'ScaleUpUnitWentLive':
      if (ae.units[e.data.unitId]) ae.units[e.data.unitId].goLiveOn = e.data.goLiveDate;
      return;
    case 'ScaleUpUnitStopped':
      if (ae.units[e.data.unitId]) ae.units[e.data.unitId].stoppedOn = e.data.stoppedOn;
      return;
    case 'AlwaysEventClosed':
      ae.closedOn = e.data.closedAt.slice(0, 10);
      return;
  }
}
