import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';
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
  // 4: ... and no longer do: the driver-diagrams model holds it (applyAlwaysEvent).
  version: 4,
  initialState: () => ({
    organisations: {},
    participations: {},
    cohorts: {},
    alwaysEvents: {},
    measures: {},
  }),
  apply(state: RegisterState, event: RecordedEvent): RegisterState {
    const routed = routeEvent(event);
    switch (routed?.category) {
      case 'organisation':
        applyOrganisation(state, routed.event);
        break;
      case 'programme':
        applyProgramme(state, routed.event);
        break;
      case 'participation':
        applyParticipation(state, routed.event);
        break;
      case 'always-event':
        applyAlwaysEvent(state, routed.event);
        break;
      case 'pdsa':
        applyPdsa(state, routed.event);
        break;
      case 'measure':
        applyMeasure(state, routed.event);
        break;
    }
    return state;
  },
  table: (state) => registerRows(state) as unknown as Array<Record<string, unknown>>,
};
