import { fold } from '../../../src/domain/decider';
import {
  isEnrolled,
  participationEnrolment,
  participationStreamId,
} from '../../../src/commands/always-event/participation-enrolment';

const enrolled = (...types: string[]) =>
  isEnrolled(
    fold(
      participationEnrolment,
      types.map((type) => ({ type })),
    ),
  );
const TO_ENROLMENT = [
  'InterestExpressed',
  'ExecutiveSponsorConfirmed',
  'ParticipationCommitmentSigned',
  'OrganisationEnrolled',
];

describe('participation enrolment, folded from the participation stream', () => {
  it('names the stream by programme and ODS code', () => {
    expect(participationStreamId('always-events-england', 'RV9')).toBe(
      'participation-always-events-england.RV9',
    );
  });
  it('is not enrolled before OrganisationEnrolled', () => {
    expect(enrolled()).toBe(false);
    expect(enrolled('InterestExpressed', 'ExecutiveSponsorConfirmed', 'ParticipationCommitmentSigned')).toBe(
      false,
    );
  });
  it('is enrolled after OrganisationEnrolled, whatever follows that does not end it', () => {
    expect(
      enrolled(
        ...TO_ENROLMENT,
        'OrganisationAssignedToCohort',
        'LocalLeadAppointed',
        'OversightTeamEstablished',
        'ExecutiveSponsorChanged',
        'ExecutiveSponsorVacated',
        'ExecutiveSponsorConfirmed',
      ),
    ).toBe(true);
  });
  it('is not enrolled while paused, and is again once resumed', () => {
    expect(enrolled(...TO_ENROLMENT, 'ParticipationPaused')).toBe(false);
    expect(enrolled(...TO_ENROLMENT, 'ParticipationPaused', 'ParticipationResumed')).toBe(true);
  });
  it.each(['OrganisationWithdrew', 'ParticipationCompleted'])('is not enrolled after %s', (ending) => {
    expect(enrolled(...TO_ENROLMENT, ending)).toBe(false);
  });
  it('ignores event types it does not know', () => {
    expect(enrolled(...TO_ENROLMENT, 'SomethingNew')).toBe(true);
  });
});
