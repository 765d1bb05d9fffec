import { EvaluationCommand, evaluationDecider, EvaluationEvent } from '../../../src/domain/evaluation';
import { context, deciderSpec, NOW } from '../support/decider-spec';
import { historyOf } from '../support/history';

const spec = deciderSpec(evaluationDecider);
const EVALUATION = 'c3c3c3c3-0000-4000-8000-000000000001';
const CUT = 'c3c3c3c3-0000-4000-8000-000000000002';
const OTHER_CUT = 'c3c3c3c3-0000-4000-8000-000000000003';
const WAVE = 'c3c3c3c3-0000-4000-8000-000000000004';
const ROUND = 'c3c3c3c3-0000-4000-8000-000000000005';
const FINDING = 'c3c3c3c3-0000-4000-8000-000000000006';
const AE = '0b5a6d1e-7c1f-4f0e-9d2a-3c4b5e6f7a80';
const ref = { evaluationId: EVALUATION, evaluator: 'Picker Institute Europe', scope: 'Programme' as const };
const SHA = 'a'.repeat(64);

type Of<T extends EvaluationCommand['type']> = Extract<EvaluationCommand, { type: T }>;
const command = <T extends EvaluationCommand['type']>(
  type: T,
  data: Omit<Of<T>['data'], 'evaluationId'>,
): Of<T> =>
  ({
    type,
    data: { evaluationId: EVALUATION, ...data },
    context: context(),
    facts: undefined,
  }) as unknown as Of<T>;

const commission = command('CommissionEvaluation', {
  title: 'Evaluation of the Always Events programme',
  evaluator: ref.evaluator,
  commissioner: 'NHS England and NHS Improvement',
  scope: 'Programme',
  questions: ['What helped organisations co-design with patients?'],
});
const cut = (
  overrides: Partial<Of<'TakeDataCut'>['data'] & Of<'TakeDataCut'>['facts']> = {},
): Of<'TakeDataCut'> => {
  const {
    globalPosition = 4821,
    projectionVersions = { spread: 3, register: 2 },
    checksums = { spread: SHA, register: 'b'.repeat(64) },
    ...data
  } = overrides;
  const taken = command('TakeDataCut', {
    dataCutId: CUT,
    asOf: '2018-03-31T23:59:59Z',
    asKnownAt: '2018-04-01T08:00:00Z',
    ...data,
  });
  return { ...taken, facts: { globalPosition, projectionVersions, checksums } };
};
const wave = (invitedCount = 120, respondentCount = 79, roles = [{ role: 'QILead' as const, count: 30 }]) =>
  command('RecordSurveyWave', {
    waveId: WAVE,
    closedOn: '2018-03-01',
    invitedCount,
    respondentCount,
    respondentRoles: roles,
  });
const interviews = (count = 12, roleCategories = [{ role: 'ExecSponsor' as const, count: 4 }]) =>
  command('RecordInterviews', { interviewRoundId: ROUND, completedOn: '2018-03-15', count, roleCategories });
const finding = (dataCutIds = [CUT]) =>
  command('RecordFinding', {
    findingId: FINDING,
    kind: 'Facilitator',
    text: 'Senior support gave teams permission to start from a blank canvas',
    evidence: { dataCutIds, alwaysEventIds: [AE] },
  });
const publish = (publishedOn = '2018-03-30') =>
  command('PublishReport', {
    title: 'Always Events: what have we learned?',
    publishedOn,
    url: 'https://www.picker.org/research-library/evaluation-always-eventsr-programme',
  });
const eventsOf = (...commands: EvaluationCommand[]): EvaluationEvent[] =>
  historyOf(evaluationDecider, ...commands);
const commissioned = eventsOf(commission);
const withCut = eventsOf(commission, cut());
const reported = eventsOf(commission, publish());

describe('Evaluation decider', () => {
  describe('CommissionEvaluation', () => {
    it('commissions an evaluation', () => {
      spec
        .given([])
        .when(commission)
        .then([
          {
            type: 'EvaluationCommissioned',
            data: {
              ...ref,
              title: 'Evaluation of the Always Events programme',
              commissioner: 'NHS England and NHS Improvement',
              questions: ['What helped organisations co-design with patients?'],
              commissionedAt: NOW,
            },
          },
        ]);
    });
    it('refuses commissioning twice', () => {
      spec.given(commissioned).when(commission).thenThrows('evaluation-already-commissioned', 'conflict');
    });
    it('refuses an evaluation without a question', () => {
      spec
        .given([])
        .when({ ...commission, data: { ...commission.data, questions: [] } })
        .thenThrows('evaluation-needs-question', 'invalid', 'questions');
    });
  });

  describe('TakeDataCut', () => {
    it('records the bounds, position, projection versions and checksums', () => {
      spec
        .given(commissioned)
        .when(cut())
        .then([{ type: 'DataCutTaken', data: { ...ref, ...cut().data, ...cut().facts, takenAt: NOW } }]);
    });
    it('refuses before the evaluation is commissioned', () => {
      spec.given([]).when(cut()).thenThrows('evaluation-not-commissioned', 'conflict');
    });
    it('refuses the same data cut twice', () => {
      spec.given(withCut).when(cut()).thenThrows('data-cut-already-taken', 'conflict');
    });
    it.each(['asOf', 'asKnownAt'] as const)('refuses %s in the future', (field) => {
      spec
        .given(commissioned)
        .when(cut({ [field]: '2018-04-02T00:00:00Z' }))
        .thenThrows('data-cut-bound-in-future', 'invalid', field);
    });
    it('refuses a negative global position', () => {
      spec
        .given(commissioned)
        .when(cut({ globalPosition: -1 }))
        .thenThrows('global-position-invalid', 'invalid');
    });
    it('refuses a cut without checksums', () => {
      spec
        .given(commissioned)
        .when(cut({ checksums: {} }))
        .thenThrows('data-cut-without-checksums', 'invalid', 'checksums');
    });
    it('refuses a checksum that is not a sha256 hex digest', () => {
      spec
        .given(commissioned)
        .when(cut({ checksums: { spread: 'ABC' } }))
        .thenThrows('checksum-not-sha256', 'invalid', 'checksums.spread');
    });
    it('refuses a checksum of a read model without its projection version', () => {
      spec
        .given(commissioned)
        .when(cut({ projectionVersions: { spread: 3 } }))
        .thenThrows('checksum-without-projection-version', 'invalid', 'projectionVersions');
    });
  });

  describe('RecordSurveyWave', () => {
    it('records the wave with its response rate', () => {
      spec
        .given(commissioned)
        .when(wave())
        .then([
          {
            type: 'EvaluationSurveyWaveClosed',
            data: {
              ...ref,
              waveId: WAVE,
              closedOn: '2018-03-01',
              invitedCount: 120,
              respondentCount: 79,
              responseRatePct: (79 / 120) * 100,
              respondentRoles: [{ role: 'QILead', count: 30 }],
            },
          },
        ]);
    });
    it('refuses more respondents than invited', () => {
      spec
        .given(commissioned)
        .when(wave(70, 79))
        .thenThrows('respondents-exceed-invited', 'invalid', 'respondentCount');
    });
    it('refuses role counts above the respondents', () => {
      spec
        .given(commissioned)
        .when(wave(120, 20, [{ role: 'QILead', count: 21 }]))
        .thenThrows('respondent-roles-exceed-respondents', 'invalid', 'respondentRoles');
    });
    it('refuses a role counted twice', () => {
      spec
        .given(commissioned)
        .when(
          wave(120, 79, [
            { role: 'QILead', count: 1 },
            { role: 'QILead', count: 2 },
          ]),
        )
        .thenThrows('role-count-duplicated', 'invalid', 'respondentRoles');
    });
    it('refuses a wave with nobody invited', () => {
      spec
        .given(commissioned)
        .when(wave(0, 0, []))
        .thenThrows('survey-without-invitees', 'invalid', 'invitedCount');
    });
    it('refuses the same wave twice', () => {
      spec.given(eventsOf(commission, wave())).when(wave()).thenThrows('survey-wave-already-recorded');
    });
  });

  describe('RecordInterviews', () => {
    it('records the round of interviews by role', () => {
      spec
        .given(commissioned)
        .when(interviews())
        .then([
          {
            type: 'EvaluationInterviewsCompleted',
            data: {
              ...ref,
              interviewRoundId: ROUND,
              completedOn: '2018-03-15',
              count: 12,
              roleCategories: [{ role: 'ExecSponsor', count: 4 }],
            },
          },
        ]);
    });
    it('refuses role counts above the interviews', () => {
      spec
        .given(commissioned)
        .when(interviews(3, [{ role: 'ExecSponsor', count: 4 }]))
        .thenThrows('interview-roles-exceed-count', 'invalid', 'roleCategories');
    });
    it('refuses a round of no interviews', () => {
      spec.given(commissioned).when(interviews(0, [])).thenThrows('no-interviews', 'invalid', 'count');
    });
    it('refuses the same round twice', () => {
      spec
        .given(eventsOf(commission, interviews()))
        .when(interviews())
        .thenThrows('interviews-already-recorded');
    });
  });

  describe('RecordFinding', () => {
    it("records a finding citing this evaluation's data cut", () => {
      spec
        .given(withCut)
        .when(finding())
        .then([{ type: 'EvaluationFindingRecorded', data: { ...ref, ...finding().data } }]);
    });
    it('refuses a data cut that belongs to no cut of this evaluation', () => {
      spec
        .given(withCut)
        .when(finding([CUT, OTHER_CUT]))
        .thenThrows('finding-cites-unknown-data-cut', 'invalid', 'evidence.dataCutIds');
    });
    it('refuses the same finding twice', () => {
      spec
        .given(eventsOf(commission, cut(), finding()))
        .when(finding())
        .thenThrows('finding-already-recorded');
    });
  });

  describe('PublishReport', () => {
    it('publishes the report with what it rests on', () => {
      spec
        .given(eventsOf(commission, cut(), finding()))
        .when(publish())
        .then([
          {
            type: 'EvaluationReportPublished',
            data: { ...ref, ...publish().data, findingCount: 1, dataCutIds: [CUT] },
          },
        ]);
    });
    it('refuses a publication date in the future', () => {
      spec
        .given(commissioned)
        .when(publish('2018-05-01'))
        .thenThrows('date-in-future', 'invalid', 'publishedOn');
    });
    it('refuses publishing twice', () => {
      spec.given(reported).when(publish()).thenThrows('evaluation-reported', 'conflict');
    });
    it('closes the evaluation to new evidence', () => {
      spec.given(reported).when(finding([])).thenThrows('evaluation-reported', 'conflict');
    });
  });
});
