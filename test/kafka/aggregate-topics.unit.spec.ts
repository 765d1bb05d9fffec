import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGGREGATE_TYPES,
  aggregateTypeOf,
  relayTopics,
  topicFor,
} from '../../src/kafka/relay/aggregate-topics';
import { SCHEMAS } from '../support/integration-event-schemas';

describe('aggregate types and topics', () => {
  it.each([
    ['programme-always-events-england', 'programme'],
    ['organisation-RYX', 'organisation'],
    ['participation-always-events-england.RYX', 'participation'],
    ['engagement-always-events-england.RYX', 'engagement'],
    ['always-event-0b6f3c5e-9a53-4a8e-8d7e-2f8a7a1c6f10', 'always-event'],
    ['pdsa-7c0e2f38-5a4b-4a53-9f0e-1c0f6f1d2b3a', 'pdsa'],
    ['measure-0f4f8b1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b', 'measure'],
    ['evaluation-1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', 'evaluation'],
    ['personal-data-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', 'personal-data'],
    ['worklist-always-events-england', 'worklist'],
  ])('%s belongs to %s', (stream, type) => {
    expect(aggregateTypeOf(stream)).toBe(type);
  });

  it.each(['always-1', 'always', 'organisation', 'organisation-', 'crash-1', 'Organisation-RYX', 'pdsa'])(
    '%s is not an aggregate stream',
    (stream) => {
      expect(aggregateTypeOf(stream)).toBeUndefined();
    },
  );

  it('names one versioned topic per aggregate type', () => {
    expect(topicFor('always-events', 'always-event')).toBe('always-events.always-event.v1');
    expect(relayTopics('always-events')).toEqual([
      'always-events.programme.v1',
      'always-events.organisation.v1',
      'always-events.participation.v1',
      'always-events.engagement.v1',
      'always-events.always-event.v1',
      'always-events.pdsa.v1',
      'always-events.measure.v1',
      'always-events.evaluation.v1',
      'always-events.personal-data.v1',
      'always-events.worklist.v1',
    ]);
  });

  it('agrees with the envelope schema on which streams exist', () => {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, 'envelope.v1.schema.json'), 'utf8')) as {
      properties: { streamId: { pattern: string } };
    };
    const inSchema = /^\^\(([^)]+)\)/.exec(schema.properties.streamId.pattern)?.[1].split('|');
    expect(inSchema).toEqual([...AGGREGATE_TYPES]);
  });
});
