import { randomUUID } from 'node:crypto';
import { newDataKey, open, seal, sealedSubject } from '../../src/personal-data/personal-data-cipher';
import {
  maskPersonalData,
  personalValues,
  PERSONAL_DATA_FIELDS,
  withholdPersonalData,
} from '../../src/personal-data/personal-fields';
import {
  redactFields,
  REDACTED,
  saltedHash,
  fingerprint,
} from '../../src/personal-data/redaction/redact-fields';
import { personalDataStreamId } from '../../src/domain/personal-data/commands';
import { contactsProjection } from '../../src/projections/contacts/contacts.projection';
import { foldProjection } from '../../src/projections/runner/projection';
import type { RecordedEvent } from '../../src/event-store/recorded-event';

const A = '0b5a4a8e-6f1f-4d7c-9a55-3d2f0e9c1a11';
const B = '7c0f3f4e-2b8a-4f55-8d0b-6a1e2c3d4f56';
const key = { programmeSlug: 'always-events-england', odsCode: 'RYX' };
const team = {
  ...key,
  members: [
    { personId: A, role: 'SeniorLeader', name: 'Ada' },
    { personId: B.toUpperCase(), role: 'ClinicalLead', name: 'Bo' },
  ],
  chairPersonId: A,
  establishedOn: '2017-10-01',
};
const recorded = (
  type: string,
  data: unknown,
  position: number,
  streamId = 'participation-always-events-england.RYX',
): RecordedEvent => ({
  id: randomUUID(),
  type,
  streamId,
  revision: position - 1,
  position,
  data,
  metadata: {} as RecordedEvent['metadata'],
});

describe('classification of personal data (unit)', () => {
  it('names each personal value with its subject (lower-cased) and path, and only classified types', () => {
    expect(personalValues('OversightTeamEstablished', team)).toEqual([
      { subject: A, path: 'members.0.name', value: 'Ada' },
      { subject: B, path: 'members.1.name', value: 'Bo' },
    ]);
    expect(personalValues('CohortScheduled', { name: 'Cohort 3' })).toEqual([]);
    expect(Object.keys(PERSONAL_DATA_FIELDS).sort()).toEqual([
      'ExecutiveSponsorChanged',
      'ExecutiveSponsorConfirmed',
      'LocalLeadAppointed',
      'OversightTeamEstablished',
    ]);
  });

  it('masks for checksums and withholds for Kafka on a copy, leaving the data it was given alone', () => {
    const sponsor = {
      ...key,
      sponsor: { personId: A, title: 'Chief Nurse', isBoardLevel: true, name: 'Ada' },
    };
    const before = structuredClone(sponsor);
    expect(maskPersonalData('ExecutiveSponsorConfirmed', sponsor)).toMatchObject({
      sponsor: { personId: A, title: '[personal data]', name: '[personal data]', isBoardLevel: true },
    });
    const erased = { ...sponsor, sponsor: { ...sponsor.sponsor, name: '[erased]' } };
    expect(withholdPersonalData('ExecutiveSponsorConfirmed', erased)).toMatchObject({
      sponsor: { title: '[withheld]', name: '[erased]' },
    });
    expect(sponsor).toEqual(before);
  });
});

describe('sealed personal values (unit)', () => {
  it('opens with the subject and key it was sealed with, and with nothing else', () => {
    const k = newDataKey();
    const sealed = seal(k, A, 'Ada Lovelace');
    expect(sealed).not.toContain('Ada');
    expect(sealedSubject(sealed)).toBe(A);
    expect(open(k, A, sealed)).toBe('Ada Lovelace');
    expect(() => open(newDataKey(), A, sealed)).toThrow();
    expect(() => open(k, B, sealed)).toThrow(/not a personal value sealed for/i);
    // One bit of the ciphertext flipped: an edit of the text's last characters can leave the bytes as they
    // were (base64url's last character carries padding bits), and then nothing was tampered with at all.
    const at = sealed.lastIndexOf(':') + 1;
    const body = Buffer.from(sealed.slice(at), 'base64url');
    body[body.length - 20] ^= 1;
    const tampered = `${sealed.slice(0, at)}${body.toString('base64url')}`;
    expect(() => open(k, A, tampered)).toThrow();
    expect(seal(k, A, 'Ada Lovelace')).not.toBe(sealed);
  });
});

describe('redactFields (unit)', () => {
  it('replaces text at dotted paths and names each field it cannot redact', () => {
    const data = { summary: 'told by Mrs X', questions: ['a', 'b'], count: 3 };
    const result = redactFields(data, ['summary', 'questions.1', 'count', 'nope']);
    expect(result.data).toEqual({ summary: REDACTED, questions: ['a', REDACTED], count: 3 });
    expect(result.removed).toEqual({ summary: 'told by Mrs X', 'questions.1': 'b' });
    expect(result.refusals.map((r) => [r.field, r.rule])).toEqual([
      ['count', 'field-not-text'],
      ['nope', 'field-not-found'],
    ]);
    expect(redactFields(result.data, ['summary']).refusals[0].rule).toBe('field-already-redacted');
    expect(data.summary).toBe('told by Mrs X');
  });

  it('fingerprints with a fresh salt each time; only the salt reproduces the hash', () => {
    const first = fingerprint({ summary: '9434765919' });
    const second = fingerprint({ summary: '9434765919' });
    expect(first.sha256).not.toBe(second.sha256);
    expect(saltedHash({ summary: '9434765919' }, first.salt)).toBe(first.sha256);
  });
});

describe('contacts read model (unit)', () => {
  it('overwrites every value of an erased person, wherever it appears, and nobody else', () => {
    const state = foldProjection(contactsProjection, [
      recorded(
        'ExecutiveSponsorConfirmed',
        {
          ...key,
          sponsor: { personId: A, title: 'Chief Nurse', isBoardLevel: true, name: 'Ada' },
          confirmedOn: '2017-09-15',
        },
        1,
      ),
      recorded('OversightTeamEstablished', team, 2),
      recorded(
        'PersonalDataErased',
        { personId: A, reason: 'case', erasedAt: '2018-01-01T00:00:00.000Z' },
        3,
        personalDataStreamId(A),
      ),
    ]);
    const contacts = state.participations['always-events-england.RYX'];
    expect(contacts.sponsor).toMatchObject({
      personId: A,
      name: '[erased]',
      title: '[erased]',
      isBoardLevel: true,
    });
    expect(contacts.oversightTeam?.members).toEqual([
      { personId: A, role: 'SeniorLeader', name: '[erased]' },
      { personId: B.toUpperCase(), role: 'ClinicalLead', name: 'Bo' },
    ]);
    expect(JSON.stringify(state)).not.toContain('Ada');
  });
});
