import { RecordedEvent } from '../../../src/event-store';
import { recorded } from '../support/recorded';
import { SLUG } from '../spread/spread-fixtures';
import { at } from './always-event-fixtures';

/** One PDSA cycle's stream. */
export function pdsaCycle(
  pdsaCycleId: string,
  ref: { alwaysEventId: string; changeIdeaId: string; cycleNumber: number; odsCode: string },
) {
  const { odsCode, ...rest } = ref;
  const data = { pdsaCycleId, ...rest };
  const stream = `pdsa-${pdsaCycleId}`;
  const event = (type: string, more: object, date: string): RecordedEvent =>
    recorded(stream, type, { ...data, ...more }, at(date));
  const scale = { unit: 'patients', nPatients: 2 * ref.cycleNumber, durationDays: 7 };
  return {
    planned: (date: string, predictions: string[], previousCycleId: string | null = null) =>
      event(
        'PdsaCyclePlanned',
        {
          programmeSlug: SLUG,
          odsCode,
          previousCycleId,
          objective: `Objective of cycle ${ref.cycleNumber}`,
          questions: [],
          predictions,
          plan: { who: 'Nurse', what: 'Try it', where: 'Ward', when: 'Nights' },
          scale,
          dataToCollect: [],
          warnings: [],
          plannedAt: at(date),
        },
        date,
      ),
    started: (date: string) => event('PdsaCycleStarted', { startedAt: at(date) }, date),
    studied: (outcomes: string[], date: string) =>
      event(
        'PdsaCycleStudied',
        {
          resultsSummary: `Results of cycle ${ref.cycleNumber}`,
          predictionOutcomes: outcomes.map((outcome, predictionIndex) => ({
            predictionIndex,
            outcome,
            note: null,
          })),
          learning: `Learning of cycle ${ref.cycleNumber}`,
          studiedAt: at(date),
        },
        date,
      ),
    completed: (decision: string, date: string) =>
      event(
        'PdsaCycleCompleted',
        { decision, nextSteps: `After ${decision}`, scale, completedAt: at(date) },
        date,
      ),
    cancelled: (date: string) =>
      event(
        'PdsaCycleCancelled',
        { reason: 'Ward closed', cancelledWhen: 'Running', cancelledAt: at(date) },
        date,
      ),
  };
}
