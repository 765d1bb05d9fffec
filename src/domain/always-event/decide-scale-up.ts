import { ensure } from '../shared';
import { ensureNotInFuture } from '../shared/time-rules';
import { AddScaleUpUnit, RecordUnitGoLive, StopUnit } from './commands';
import { ScaleUpUnitAdded, ScaleUpUnitStopped, ScaleUpUnitWentLive } from './events';
import { ensureOpen, ensurePhase, FROM_IMPLEMENTATION } from './guards';
import { AlwaysEventState, ScaleUpUnit, unitIdsOf } from './state';

function scaleUpUnit(state: AlwaysEventState, unitId: string): ScaleUpUnit {
  const unit = state.units[unitId];
  ensure(unit, 'unit-not-found', `No scale-up unit ${unitId} on this Always Event`, 'invalid', 'unitId');
  ensure(unit.stoppedOn === null, 'unit-stopped', `Unit ${unitId} was stopped on ${unit.stoppedOn}`);
  return unit;
}

export function addScaleUpUnit(command: AddScaleUpUnit, state: AlwaysEventState): ScaleUpUnitAdded[] {
  const subject = ensureOpen(state);
  // Scale up what works: a unit joins once the change is being implemented at home.
  ensurePhase(state, FROM_IMPLEMENTATION, 'scale-up-before-implementation', 'AddScaleUpUnit');
  const { unit, plannedGoLive } = command.data;
  ensure(
    !unitIdsOf(state).includes(unit.unitId),
    'unit-id-taken',
    `Unit id ${unit.unitId} is already used on this Always Event`,
    'conflict',
    'unit.unitId',
  );
  return [{ type: 'ScaleUpUnitAdded', data: { ...subject, ...unit, plannedGoLive } }];
}

export function recordUnitGoLive(command: RecordUnitGoLive, state: AlwaysEventState): ScaleUpUnitWentLive[] {
  const subject = ensureOpen(state);
  const { unitId, goLiveDate } = command.data;
  const unit = scaleUpUnit(state, unitId);
  ensure(unit.goLiveDate === null, 'unit-already-live', `Unit ${unitId} went live on ${unit.goLiveDate}`);
  ensureNotInFuture(goLiveDate, command.context.now, 'goLiveDate');
  return [{ type: 'ScaleUpUnitWentLive', data: { ...subject, unitId, setting: unit.setting, goLiveDate } }];
}

export function stopUnit(command: StopUnit, state: AlwaysEventState): ScaleUpUnitStopped[] {
  const subject = ensureOpen(state);
  const { unitId, stoppedOn, reason } = command.data;
  const unit = scaleUpUnit(state, unitId);
  ensureNotInFuture(stoppedOn, command.context.now, 'stoppedOn');
  return [
    { type: 'ScaleUpUnitStopped', data: { ...subject, unitId, setting: unit.setting, stoppedOn, reason } },
  ];
}
