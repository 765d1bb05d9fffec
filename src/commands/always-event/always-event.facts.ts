import { alwaysEventDecider, alwaysEventStreamId, PdsaCycleFact } from '../../domain/always-event';
import { MeasureSeries, measureDecider, measureStreamId, MeasureRole, seriesOf } from '../../domain/measure';
import { pdsaDecider, pdsaStreamId } from '../../domain/pdsa';
import type { FactLookups } from '../fact-lookups';
import { participationDecider, participationStreamId } from '../../domain/participation';

export async function participationEnrolled(
  lookups: FactLookups,
  programmeSlug: string,
  odsCode: string,
): Promise<boolean> {
  const { state } = await lookups.load(participationDecider, participationStreamId(programmeSlug, odsCode));
  // Enrolled, not paused: a paused organisation starts no new Always Event until it resumes.
  return state.status === 'enrolled';
}

/** The organisation of the Always Event named as derivedFrom; null when there is none. */
export async function derivedFromFact(
  lookups: FactLookups,
  alwaysEventId: string | undefined,
): Promise<{ odsCode: string } | null> {
  if (alwaysEventId === undefined) return null;
  const { state } = await lookups.load(alwaysEventDecider, alwaysEventStreamId(alwaysEventId));
  return state.subject ? { odsCode: state.subject.odsCode } : null;
}

export async function measureToLink(
  lookups: FactLookups,
  measureId: string,
): Promise<{ alwaysEventId: string; role: MeasureRole; name: string } | null> {
  const { state } = await lookups.load(measureDecider, measureStreamId(measureId));
  if (state.status === 'Undefined') return null;
  return {
    alwaysEventId: state.alwaysEventId as string,
    role: state.role as MeasureRole,
    name: state.definition?.name ?? '',
  };
}

export function pdsaCycleFacts(lookups: FactLookups, pdsaCycleIds: string[]): Promise<PdsaCycleFact[]> {
  return Promise.all(
    pdsaCycleIds.map(async (pdsaCycleId) => {
      const { state } = await lookups.load(pdsaDecider, pdsaStreamId(pdsaCycleId));
      return {
        pdsaCycleId,
        alwaysEventId: state.ref?.alwaysEventId ?? null,
        changeIdeaId: state.ref?.changeIdeaId ?? null,
        status: state.status,
        decision: state.decision,
      };
    }),
  );
}

/** The measure's current series and the revision it was read at, recorded with the evidence. */
export async function aimEvidenceFacts(
  lookups: FactLookups,
  measureId: string,
): Promise<{ measure: MeasureSeries | null; measureRevision: number }> {
  const { state, revision } = await lookups.load(measureDecider, measureStreamId(measureId));
  return { measure: seriesOf(state) ?? null, measureRevision: revision };
}
