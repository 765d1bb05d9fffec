import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../src/event-store/recorded-event';
import { toIntegrationEvent } from '../../src/kafka/relay/integration-event';
import {
  INTEGRATION_EVENTS,
  IntegrationEventRegistry,
} from '../../src/kafka/relay/integration-event-registry';
import { HEADERS, toOutgoingMessage } from '../../src/kafka/relay/integration-message';
import { dataSchemaNames, schemaErrors } from '../support/integration-event-schemas';

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: randomUUID(),
    type: 'OrganisationRegistered',
    streamId: 'organisation-RYX',
    revision: 0,
    position: 42,
    data: {
      odsCode: 'RYX',
      name: 'Central London Community Healthcare NHS Trust',
      type: 'CommunityTrust',
      regionCode: 'Y56',
      region: 'London',
      isNhsTrust: true,
      openDate: '2001-04-01',
    },
    metadata: {
      occurredAt: '2017-04-01T00:00:00.000Z',
      recordedAt: '2026-01-05T10:11:12.345Z',
      actor: 'programme-team/jo.bloggs',
      sourceSystem: 'backfill',
      correlationId: 'req-1',
      causationId: 'cmd-1',
      schemaVersion: 1,
      actorRole: 'analyst',
    },
    ...overrides,
  };
}

describe('integration events (schemas/integration-events)', () => {
  it('maps a stored event to the public envelope, leaving internal metadata out', () => {
    const event = recorded();
    const published = toIntegrationEvent(event, undefined);
    expect(published).toEqual({
      eventId: event.id,
      type: 'OrganisationRegistered',
      schemaVersion: 1,
      occurredAt: '2017-04-01T00:00:00.000Z',
      recordedAt: '2026-01-05T10:11:12.345Z',
      streamId: 'organisation-RYX',
      revision: 0,
      position: 42,
      correlationId: 'req-1',
      causationId: 'cmd-1',
      data: event.data,
    });
    expect(schemaErrors(JSON.parse(toOutgoingMessage(published).value))).toEqual([]);
  });

  it('keys by stream and puts the ids and type in headers; no causation header without a cause', () => {
    const event = recorded({ metadata: { ...recorded().metadata, causationId: null } });
    const message = toOutgoingMessage(toIntegrationEvent(event, undefined));
    expect(message.key).toBe('organisation-RYX');
    expect(message.headers).toEqual({
      [HEADERS.eventId]: event.id,
      [HEADERS.eventType]: 'OrganisationRegistered',
      [HEADERS.schemaVersion]: '1',
      [HEADERS.correlationId]: 'req-1',
      [HEADERS.contentType]: 'application/json',
    });
  });

  it('uses the registered public version and data of a known type', () => {
    const registry = new IntegrationEventRegistry([
      {
        type: 'OrganisationRegistered',
        schemaVersion: 3,
        toData: (data) => ({ ods: (data as { odsCode: string }).odsCode }),
      },
    ]);
    const published = toIntegrationEvent(recorded(), registry.definitionOf('OrganisationRegistered'));
    expect(published).toMatchObject({ schemaVersion: 3, data: { ods: 'RYX' } });
    expect(() => registry.register({ type: 'OrganisationRegistered', schemaVersion: 4 })).toThrow(
      'registered twice',
    );
  });

  it('the envelope schema refuses what the contract does not promise', () => {
    const valid = toIntegrationEvent(recorded(), undefined);
    expect(schemaErrors({ ...valid, actor: 'someone' })).toEqual([
      expect.stringMatching(/additional properties/),
    ]);
    expect(schemaErrors({ ...valid, streamId: 'crash-1' })).toEqual([expect.stringMatching(/streamId/)]);
    expect(schemaErrors({ ...valid, eventId: 'not-a-uuid' })).toEqual([expect.stringMatching(/eventId/)]);
    expect(schemaErrors({ ...valid, occurredAt: '31/03/2018' })).toEqual([
      expect.stringMatching(/occurredAt/),
    ]);
    const { data: _data, ...withoutData } = valid;
    expect(schemaErrors(withoutData)).toEqual([expect.stringMatching(/data/)]);
  });

  it('has a data schema file for every registered type, and a registered type for every data schema file', () => {
    const registered = INTEGRATION_EVENTS.definitions().map((d) => `${d.type}.v${d.schemaVersion}`);
    expect(registered.sort()).toEqual(dataSchemaNames().sort());
  });
});
