import { alwaysEventDecider, alwaysEventStreamId, PdsaCycleFact } from '../../domain/always-event';
import { decideAimAchieved } from '../../analytics';
import {
  MeasureSeries,
  measureDecider,
  measureStreamId,
  MeasureRole,
  RUN_CHART_SHIFT,
  seriesOf,
  ShiftEvidence,
} from '../../domain/measure';
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

/**
 * The measure's current series and the revision it was read at, recorded with
 * the evidence, and each unit's improving shift on an IHI run chart (the
 * Always Events method), computed by the analytics engine with its parameters.
 */
export async function aimEvidenceFacts(
  lookups: FactLookups,
  measureId: string,
): Promise<{
  measure: MeasureSeries | null;
  measureRevision: number;
  improvingShift: Record<string, ShiftEvidence>;
}> {
  const { state, revision } = await lookups.load(measureDecider, measureStreamId(measureId));
  const measure = seriesOf(state) ?? null;
  const improvingShift: Record<string, ShiftEvidence> = {};
  for (const [unitId, points] of Object.entries(measure?.units ?? {})) {
    const target = measure?.phases.at(-1)?.targetPct ?? 100;
    const decision = decideAimAchieved({
      points: points.map((p) => ({ date: p.period, value: p.pct })),
      target,
      direction: measure?.improvementDirection ?? 'increase',
    });
    improvingShift[unitId] = {
      rule: RUN_CHART_SHIFT,
      chart: decision.evidence.chart,
      profile: decision.evidence.profile,
      parameters: decision.evidence.parameters as unknown as Record<string, unknown>,
      periods: decision.evidence.shift.map((n) => points[n - 1].period),
    };
  }
  return { measure, measureRevision: revision, improvingShift };
}
