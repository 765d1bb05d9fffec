import { AlwaysEventEvent } from '../../domain/always-event';
import { MeasureEvent } from '../../domain/measure';
import { OrganisationEvent } from '../../domain/organisation';
import { ParticipationEvent } from '../../domain/participation';
import { PdsaEvent } from '../../domain/pdsa';
import { ProgrammeEvent } from '../../domain/programme';
import { categoryOf } from '../../domain/stream-names';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { applyAlwaysEvent, applyMeasure, applyPdsa } from './register-always-events';
import { applyOrganisation, applyParticipation, applyProgramme } from './register-context';
import { registerRows } from './register-rows';
import { RegisterState } from './register-state';

export const ALWAYS_EVENT_REGISTER = 'always-event-register';

/** The register and the reports derived from it (funnel, co-production, progress scores). */
export const alwaysEventRegisterProjection: Projection<RegisterState> = {
  name: ALWAYS_EVENT_REGISTER,
  // 2: measures kept as name and current values only (RegisterMeasure).
  // 3: Always Event states hold their driver diagram.
  version: 3,
  initialState: () => ({
    organisations: {},
    participations: {},
    cohorts: {},
    alwaysEvents: {},
    measures: {},
  }),
  apply(state: RegisterState, event: RecordedEvent): RegisterState {
    const e = { type: event.type, data: event.data };
    switch (categoryOf(event.streamId)) {
      case 'organisation':
        applyOrganisation(state, e as OrganisationEvent);
        break;
      case 'programme':
        applyProgramme(state, e as ProgrammeEvent);
        break;
      case 'participation':
        applyParticipation(state, e as ParticipationEvent);
        break;
      case 'always-event':
        applyAlwaysEvent(state, e as AlwaysEventEvent);
        break;
      case 'pdsa':
        applyPdsa(state, e as PdsaEvent);
        break;
      case 'measure':
        applyMeasure(state, e as MeasureEvent);
        break;
    }
    return state;
  },
  table: (state) => registerRows(state) as unknown as Array<Record<string, unknown>>,
};
