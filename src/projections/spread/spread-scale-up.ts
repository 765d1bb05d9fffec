import { AlwaysEventFacts, SpreadState } from './spread-state';

export interface ScaleUpRow {
  setting: string;
  alwaysEvents: number;
  unitsLive: number;
  unitsPlanned: number;
  unitsStopped: number;
}

const isLiveOn = (unit: AlwaysEventFacts['units'][string], date: string): boolean =>
  unit.goLiveOn !== null && unit.goLiveOn <= date && (unit.stoppedOn === null || unit.stoppedOn > date);

/** Scale-up units live on the date (gone live, not stopped), by setting, for one programme. */
export function scaleUpUnits(state: SpreadState, programmeSlug: string, date: string): ScaleUpRow[] {
  const rows = new Map<string, ScaleUpRow>();
  for (const ae of Object.values(state.alwaysEvents)) {
    if (ae.programmeSlug !== programmeSlug || ae.initiatedOn > date) continue;
    for (const unit of Object.values(ae.units)) {
      const row = rows.get(unit.setting) ?? {
        setting: unit.setting,
        alwaysEvents: 0,
        unitsLive: 0,
        unitsPlanned: 0,
        unitsStopped: 0,
      };
      if (isLiveOn(unit, date)) row.unitsLive++;
      else if (unit.stoppedOn !== null && unit.stoppedOn <= date) row.unitsStopped++;
      else row.unitsPlanned++;
      rows.set(unit.setting, row);
    }
  }
  for (const row of rows.values()) {
    row.alwaysEvents = Object.values(state.alwaysEvents).filter(
      (ae) =>
        ae.programmeSlug === programmeSlug &&
        ae.initiatedOn <= date &&
        Object.values(ae.units).some((u) => u.setting === row.setting),
    ).length;
  }
  return [...rows.values()].sort((a, b) => b.unitsLive - a.unitsLive || a.setting.localeCompare(b.setting));
}

export interface LineageRow {
  alwaysEventId: string;
  odsCode: string;
  setting: string;
  initiatedOn: string;
  derivedFromAlwaysEventId: string | null;
  derivedFromOdsCode: string | null;
  /** Spread: adopted from another organisation's Always Event; scale-up variant: from its own. */
  kind: 'original' | 'spread' | 'scale-up';
  /** Generations from the original (0 for an original). */
  depth: number;
  rootAlwaysEventId: string;
}

/** Which Always Event was adopted from which, and how many generations from its original. */
export function spreadLineage(state: SpreadState, programmeSlug: string, date: string): LineageRow[] {
  const known = (id: string | null): AlwaysEventFacts | undefined =>
    id === null
      ? undefined
      : state.alwaysEvents[id]?.initiatedOn <= date
        ? state.alwaysEvents[id]
        : undefined;
  const rows: LineageRow[] = [];
  for (const ae of Object.values(state.alwaysEvents)) {
    if (ae.programmeSlug !== programmeSlug || ae.initiatedOn > date) continue;
    let depth = 0;
    let root = ae;
    const seen = new Set([ae.alwaysEventId]);
    for (
      let parent = known(root.derivedFromAlwaysEventId);
      parent && !seen.has(parent.alwaysEventId);
      parent = known(root.derivedFromAlwaysEventId)
    ) {
      seen.add(parent.alwaysEventId);
      root = parent;
      depth++;
    }
    const parent = known(ae.derivedFromAlwaysEventId);
    rows.push({
      alwaysEventId: ae.alwaysEventId,
      odsCode: ae.odsCode,
      setting: ae.setting,
      initiatedOn: ae.initiatedOn,
      derivedFromAlwaysEventId: ae.derivedFromAlwaysEventId,
      derivedFromOdsCode: parent?.odsCode ?? null,
      kind: parent === undefined ? 'original' : parent.odsCode === ae.odsCode ? 'scale-up' : 'spread',
      depth,
      rootAlwaysEventId: root.alwaysEventId,
    });
  }
  return rows.sort(
    (a, b) => a.initiatedOn.localeCompare(b.initiatedOn) || a.alwaysEventId.localeCompare(b.alwaysEventId),
  );
}
