import { Inject, Injectable } from '@nestjs/common';
import { categoryOf } from '../domain/stream-names';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';

/** What a stream says about its organisation: absent streams say nothing; present ones may not name one. */
export type StreamOrganisation = { found: false } | { found: true; odsCode?: string };

/**
 * Command fields that name another aggregate, and the stream each names. A
 * command concerns every organisation these reach, as well as its own
 * `odsCode`: a body cannot claim its own organisation while targeting
 * another's Always Event.
 */
const TARGETS: ReadonlyArray<[field: string, category: string]> = [
  ['alwaysEventId', 'always-event'],
  ['pdsaCycleId', 'pdsa'],
  ['measureId', 'measure'],
];

const ODS = /^[A-Z0-9]{3,10}$/;
const CACHE_LIMIT = 10_000;

/**
 * Finds the organisation (ODS code) a command or stream concerns, for
 * organisation scoping. Organisation, participation and engagement streams
 * carry it in their name; Always Event, PDSA cycle and measure streams in
 * their first event (`odsCode`, or `alwaysEventId` leading to the Always
 * Event's). First events never change, so answers are cached.
 */
@Injectable()
export class OrganisationResolver {
  private readonly cache = new Map<string, string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every ODS code the command concerns; undefined when they cannot all be determined (refuse it). */
  async organisationsOfCommand(dto: object): Promise<string[] | undefined> {
    const body = dto as Record<string, unknown>;
    const codes = new Set<string>();
    if (body.odsCode !== undefined) {
      if (typeof body.odsCode !== 'string' || !ODS.test(body.odsCode)) return undefined;
      codes.add(body.odsCode);
    }
    for (const [field, category] of TARGETS) {
      const id = body[field];
      if (id === undefined) continue;
      if (typeof id !== 'string') return undefined;
      const target = await this.organisationOfStream(`${category}-${id}`);
      // A stream that does not exist yet is being created by this command: its organisation is the body's.
      if (!target.found) continue;
      if (target.odsCode === undefined) return undefined;
      codes.add(target.odsCode);
    }
    return codes.size > 0 ? [...codes] : undefined;
  }

  async organisationOfStream(streamId: string, depth = 0): Promise<StreamOrganisation> {
    const category = categoryOf(streamId);
    const id = category === undefined ? '' : streamId.slice(category.length + 1);
    switch (category) {
      case 'organisation':
        return { found: true, odsCode: ODS.test(id) ? id : undefined };
      case 'participation':
      case 'engagement': {
        const odsCode = id.slice(id.lastIndexOf('.') + 1);
        return { found: true, odsCode: id.includes('.') && ODS.test(odsCode) ? odsCode : undefined };
      }
      case 'always-event':
      case 'pdsa':
      case 'measure':
        return this.fromFirstEvent(streamId, depth);
      default:
        return { found: true };
    }
  }

  private async fromFirstEvent(streamId: string, depth: number): Promise<StreamOrganisation> {
    const cached = this.cache.get(streamId);
    if (cached !== undefined) return { found: true, odsCode: cached };
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (first === undefined) return { found: false };
    const data = (first.data ?? {}) as Record<string, unknown>;
    let odsCode = typeof data.odsCode === 'string' && ODS.test(data.odsCode) ? data.odsCode : undefined;
    if (odsCode === undefined && typeof data.alwaysEventId === 'string' && depth === 0) {
      const parent = await this.organisationOfStream(`always-event-${data.alwaysEventId}`, depth + 1);
      odsCode = parent.found ? parent.odsCode : undefined;
    }
    if (odsCode !== undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(streamId, odsCode);
    }
    return { found: true, odsCode };
  }
}
