import { RecordedEvent } from '../../event-store/recorded-event';
import { SpreadState } from './spread-state';

/** Always Event facts the spread model needs: settings, scale-up units, lineage. */
export function applyAlwaysEventFact(_state: SpreadState, _event: RecordedEvent): void {
  return;
}
