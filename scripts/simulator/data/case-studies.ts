import type { Aim, CareUnit } from '../../../src/domain/always-event';
import type { MeasureFrequency } from '../../../src/domain/measure';
import type { MeasureWording } from './setting-content';

/** A published Always Event: the organisation, its statement verbatim, and how it is simulated. */
export interface CaseStudy {
  caseId: string;
  odsCode: string;
  /** Where the statement is published: tags of docs/architecture/improvement-method.md, "Sources of the case studies". */
  source: string;
  initiatedOn: string;
  homeUnit: CareUnit;
  population: string;
  theme: string;
  heard: string;
  vision: string;
  aim: Omit<Aim, 'deadline' | 'reviewCadence'> & Partial<Pick<Aim, 'deadline' | 'reviewCadence'>>;
  /** `survey`: answers on the Never/Sometimes/Usually/Always scale, Always counting as success. */
  outcome: MeasureWording & { frequency: MeasureFrequency; survey: boolean };
  process: MeasureWording;
  changeIdeas: readonly string[];
  scaleUpUnits: readonly CareUnit[];
  /** Shorter stages than usual: the pilot reported within its own year. */
  pace?: number;
  /** The level the process settles at after the change, and the usual count per period, where known better than the default. */
  settlesAt?: { finalPct: number; denominator: number };
}

/** The wave and day each case-study organisation enrols (its real programme history, as far as sourced). */
export const CASE_STUDY_ENROLMENTS: ReadonlyArray<{ odsCode: string; waveId: string; enrolledOn: string }> = [
  // Lancashire Care was one of the three 2015 pilots, the most advanced.
  { odsCode: 'RW5', waveId: 'pilot', enrolledOn: '2015-04-20' },
  // Humber's aim ran to 31 March 2018.
  { odsCode: 'RV9', waveId: 'cohort-2017-04', enrolledOn: '2017-05-09' },
  { odsCode: 'RYX', waveId: 'cohort-2017-09', enrolledOn: '2017-10-03' },
  // Both aims run from June 2018.
  { odsCode: 'RT5', waveId: 'cohort-2018-01', enrolledOn: '2018-02-06' },
  { odsCode: 'R0A', waveId: 'cohort-2018-01', enrolledOn: '2018-02-13' },
];

const survey = (question: string, who: string): MeasureWording & { survey: true } => ({
  survey: true,
  name: `${who} answering Always`,
  definition: `Survey question: "${question}" (Never / Sometimes / Usually / Always)`,
  numerator: `${who} answering Always`,
  denominator: `${who} answering the question`,
});

/**
 * The case studies and published examples of docs/architecture/improvement-method.md
 * ("Case studies and published examples"), with their vision statements verbatim.
 * Aims follow the published wording; measures and change ideas are the simulator's,
 * drawn from the case studies where they name them (e.g. Lancashire's "pop in and chat").
 */
export const CASE_STUDIES: readonly CaseStudy[] = [
  {
    caseId: 'lancashire-ld-moving-on',
    odsCode: 'RW5',
    source: 'S5, S20, S23, S24, S25',
    initiatedOn: '2015-05-04',
    homeUnit: {
      unitId: 'blackburn-cldt',
      name: 'Blackburn Community Learning Disability Team',
      setting: 'LearningDisability',
    },
    population: 'People with a learning disability supported by the Blackburn community team',
    theme: 'Support moving on in care',
    heard: 'Moving between areas of care, and staff communicating with people with learning disabilities',
    vision: 'I will always feel supported moving on in care',
    aim: {
      population: 'People discharged from the Blackburn Community Learning Disability Team',
      behaviourOrOutcome: 'report feeling supported moving on in care',
      targetPct: 80,
      deadline: '2015-12-31',
    },
    outcome: { ...survey('Did you feel supported moving on?', 'People discharged'), frequency: 'Monthly' },
    process: {
      name: 'Transfers with the name and picture of the person in charge of care',
      definition: 'Transfer checklist',
      numerator: 'Transfers where the person was given the name and picture',
      denominator: 'Transfers',
    },
    changeIdeas: [
      'Give the name and picture of the person in charge of their care when they transfer',
      'A "pop in and chat" service',
    ],
    scaleUpUnits: [
      {
        unitId: 'burnley-cldt',
        name: 'Burnley Community Learning Disability Team',
        setting: 'LearningDisability',
      },
      {
        unitId: 'preston-cldt',
        name: 'Preston Community Learning Disability Team',
        setting: 'LearningDisability',
      },
    ],
    pace: 0.45,
  },
  {
    caseId: 'lancashire-guild-lodge',
    odsCode: 'RW5',
    source: 'S5, S47',
    initiatedOn: '2017-01-16',
    homeUnit: { unitId: 'guild-lodge', name: 'Guild Lodge (medium secure)', setting: 'SecureMentalHealth' },
    population: 'People using services at Guild Lodge',
    theme: 'Confidence in the complaints procedure',
    heard: 'Service users lacked confidence in the complaints procedure',
    vision: 'My Voice Always Matters',
    aim: {
      population: 'People using services at Guild',
      behaviourOrOutcome: 'understand, and are supported, to give feedback',
      targetPct: 100,
      deadline: '2018-03-31',
    },
    outcome: {
      ...survey('Do you understand how to give feedback, and feel supported to?', 'Service users'),
      frequency: 'Monthly',
    },
    process: {
      name: 'Feedback explained at the community meeting',
      definition: 'Community meeting minutes',
      numerator: 'Meetings where feedback routes were explained',
      denominator: 'Community meetings held',
    },
    changeIdeas: [
      'Easy-read feedback leaflet written with service users',
      '"You said, we did" board on each ward',
    ],
    scaleUpUnits: [],
  },
  {
    caseId: 'humber-townend-court',
    odsCode: 'RV9',
    source: 'S5, S45, S46',
    initiatedOn: '2017-06-05',
    homeUnit: {
      unitId: 'townend-court',
      name: 'Townend Court Assessment and Treatment Unit',
      setting: 'LearningDisability',
    },
    population: 'People with a learning disability staying at Townend Court',
    theme: 'Contact with people who are important to us',
    heard: 'Being able to call family and friends at any time, day or night, matters most',
    vision: 'We will always be able to contact people who are important to us 24hrs a day',
    aim: {
      population: 'Patients at Townend Court',
      behaviourOrOutcome:
        'have access to their preferred equipment to contact important people within 5 minutes of asking, 95% of the time',
      targetPct: 95,
      deadline: '2018-03-31',
    },
    outcome: {
      name: 'Requests to contact someone met within 5 minutes',
      definition:
        'Staff log every request to contact someone and the minutes until the equipment was in hand',
      numerator: 'Requests met within 5 minutes',
      denominator: 'Requests to contact someone',
      frequency: 'Weekly',
      survey: false,
    },
    process: {
      name: 'Phones and tablets charged at the evening check',
      definition: 'Nightly equipment check at handover',
      numerator: 'Nights with all equipment charged and available',
      denominator: 'Nights checked',
    },
    changeIdeas: [
      'A ward phone on a trolley, charged every night',
      'Tablets for video calls',
      'Contact list kept with each patient',
    ],
    scaleUpUnits: [],
    // Every request is logged (several a patient each week), and the aim is 95% "of the time", not all:
    // the unit settles a little above it, with weeks below, rather than at 100% every week.
    settlesAt: { finalPct: 0.965, denominator: 40 },
  },
  {
    caseId: 'clch-community-nursing',
    odsCode: 'RYX',
    source: 'S5, S6',
    initiatedOn: '2017-10-30',
    homeUnit: {
      unitId: 'clch-community-nursing',
      name: 'Community nursing teams',
      setting: 'CommunityNursing',
    },
    population: 'Patients, relatives and carers using community nursing',
    theme: 'Involvement in planning and delivering care',
    heard: 'Patients, relatives and carers wanted to be involved in planning and delivering their care',
    vision: 'We will always be supported to be involved in the planning and delivery of our care',
    aim: {
      population: 'Patients seen by community nursing',
      behaviourOrOutcome: 'report feeling involved in the planning and delivery of their care',
      targetPct: 85,
      reviewCadence: 'SixMonthly',
    },
    outcome: {
      ...survey('Were you involved in planning and delivering your care?', 'Patients'),
      frequency: 'Monthly',
    },
    process: {
      name: 'Care plans agreed with the patient at the first visit',
      definition: 'Record review of new caseload patients',
      numerator: 'Care plans agreed and signed with the patient',
      denominator: 'New patients on the caseload',
    },
    changeIdeas: ['Care plan agreed at the first visit', 'What matters to you question at every review'],
    scaleUpUnits: [
      { unitId: 'clch-cn-barnet', name: 'Barnet community nursing', setting: 'CommunityNursing' },
      { unitId: 'clch-cn-westminster', name: 'Westminster community nursing', setting: 'CommunityNursing' },
    ],
  },
  {
    caseId: 'leicestershire-older-people',
    odsCode: 'RT5',
    source: 'S5',
    initiatedOn: '2018-02-26',
    homeUnit: {
      unitId: 'mhsop-services',
      name: 'Mental health services for older people',
      setting: 'MentalHealth',
    },
    population: 'Patients and carers of mental health services for older people',
    theme: 'Responses to queries',
    heard: 'Patients and carers waited too long for answers to their questions about care',
    vision: 'I will always receive a satisfactory response to my query/update request in a timely manner',
    aim: {
      population: 'Patients and carers of mental health services for older people',
      behaviourOrOutcome: 'receive timely responses to enquiries about care and treatment',
      targetPct: 95,
      deadline: '2018-06-30',
    },
    outcome: {
      name: 'Enquiries answered in a timely manner',
      definition: 'Enquiry log: answered within two working days',
      numerator: 'Enquiries answered within two working days',
      denominator: 'Enquiries logged',
      frequency: 'Weekly',
      survey: false,
    },
    process: {
      name: 'Enquiries logged on the day',
      definition: 'Audit of the enquiry log',
      numerator: 'Enquiries logged on the day received',
      denominator: 'Enquiries received',
    },
    changeIdeas: ['A single enquiry log for the team', 'Named duty worker for enquiries each day'],
    scaleUpUnits: [],
  },
  {
    caseId: 'manchester-cancelled-operations',
    odsCode: 'R0A',
    source: 'S5',
    initiatedOn: '2018-03-05',
    homeUnit: { unitId: 'elective-surgery', name: 'Elective surgical pathway', setting: 'AcuteInpatient' },
    population: 'Patients and carers awaiting planned surgery',
    theme: 'Communication when planned surgery is cancelled on the day',
    heard: 'Patients learnt of cancellations late and without explanation',
    vision:
      'I will always be kept updated if there are any changes which may cause my operation to be cancelled',
    aim: {
      population: 'Patients and carers awaiting planned surgery',
      behaviourOrOutcome: 'get timely communication about risks to their planned operation',
      targetPct: 95,
      deadline: '2018-06-30',
    },
    outcome: {
      ...survey('Were you kept updated about changes to your operation?', 'Patients'),
      frequency: 'Weekly',
    },
    process: {
      name: 'Patients called when the list is at risk',
      definition: 'Theatre list coordinator log',
      numerator: 'At-risk patients called before 10:00',
      denominator: 'Patients on at-risk lists',
    },
    changeIdeas: ['Morning call to patients on at-risk lists', 'Named contact for each list'],
    scaleUpUnits: [],
  },
];
