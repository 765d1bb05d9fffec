import type { CareSetting } from '../../../src/domain/always-event';
import type { SettingContent } from './setting-content';

/** Mental health, learning disability, community nursing and primary care settings. */
export const COMMUNITY_SETTINGS: Readonly<Partial<Record<CareSetting, SettingContent>>> = {
  MentalHealth: {
    units: [
      'Adult acute ward',
      'Older adults ward',
      'Community mental health team',
      'Crisis resolution team',
    ],
    population: 'People using the {unit} and their carers',
    testers: ['Ward manager and two support workers', 'Care coordinator and peer support worker'],
    statements: [
      {
        theme: 'Involvement in my care plan',
        heard: 'Service users said care plans were written about them, not with them',
        vision: 'I will always be involved in writing my care plan',
        behaviour: 'are involved in writing their care plan and have a copy',
        outcome: {
          name: 'Service users always involved in their care plan',
          definition: 'Monthly survey: "Were you involved in writing your care plan?"',
          numerator: 'Service users answering Always',
          denominator: 'Service users surveyed',
        },
        process: {
          name: 'Care plans signed by the service user',
          definition: 'Record review of care plans reviewed in the month',
          numerator: 'Care plans co-signed and copied to the person',
          denominator: 'Care plans reviewed',
        },
        changeIdeas: [
          'Care plan written in the first person',
          'A copy offered at every review',
          'Peer worker at reviews',
        ],
      },
      {
        theme: 'Carers kept informed',
        heard: 'Carers felt shut out of conversations about the person they support',
        vision: 'We will always be listened to and kept informed as carers',
        behaviour: 'are contacted and listened to at each review',
        outcome: {
          name: 'Carers who always felt listened to',
          definition: 'Carer survey after each review',
          numerator: 'Carers answering Always',
          denominator: 'Carers surveyed',
        },
        process: {
          name: 'Carers contacted before reviews',
          definition: 'Record review',
          numerator: 'Reviews where the carer was contacted',
          denominator: 'Reviews held',
        },
        changeIdeas: ['Carer contact sheet at admission', 'Triangle of Care checklist at reviews'],
      },
    ],
  },
  SecureMentalHealth: {
    units: ['Medium secure ward', 'Low secure ward', 'Forensic rehabilitation unit'],
    population: 'People using services on the {unit}',
    testers: ['Ward manager and nursing assistants', 'Occupational therapist and ward staff'],
    statements: [
      {
        theme: 'Having my say',
        heard: 'Service users lacked confidence that raising a concern would change anything',
        vision: 'I will always be heard when I raise something that matters to me',
        behaviour: 'know how to raise a concern and are told what happened',
        outcome: {
          name: 'Service users who always felt heard',
          definition: 'Community meeting survey',
          numerator: 'Service users answering Always',
          denominator: 'Service users surveyed',
        },
        process: {
          name: 'Concerns answered within a week',
          definition: 'Ward concerns log',
          numerator: 'Concerns answered within seven days',
          denominator: 'Concerns raised',
        },
        changeIdeas: ['You said, we did board', 'Weekly community meeting chaired by a service user'],
      },
    ],
  },
  LearningDisability: {
    units: ['Assessment and treatment unit', 'Community learning disability team', 'Short breaks service'],
    population: 'People with a learning disability using the {unit}',
    testers: ['Learning disability nurse and support workers', 'Speech and language therapist and nurse'],
    statements: [
      {
        theme: 'Support moving on in care',
        heard: 'People said moving between services was frightening when they did not know who was next',
        vision: 'I will always feel supported when I move on in my care',
        behaviour: 'feel supported when they move on from the service',
        outcome: {
          name: 'People who always felt supported moving on',
          definition: 'Easy-read survey at transfer or discharge',
          numerator: 'People choosing Always',
          denominator: 'People transferring or discharged',
        },
        process: {
          name: 'People given a photo and name of their next worker',
          definition: 'Transfer checklist',
          numerator: 'Transfers with the photo and name given',
          denominator: 'Transfers',
        },
        changeIdeas: [
          'Photo and name of the next worker before a move',
          'Pop in and chat sessions before transfer',
          'Easy-read moving-on booklet',
        ],
      },
      {
        theme: 'Staff who communicate my way',
        heard: 'People said staff talked too fast and used words they did not know',
        vision: 'Staff will always talk to me in a way I understand',
        behaviour: 'say staff talked to them in a way they understood',
        outcome: {
          name: 'People who said staff always talked their way',
          definition: 'Easy-read survey',
          numerator: 'People choosing Always',
          denominator: 'People surveyed',
        },
        process: {
          name: 'Communication passports used',
          definition: 'Record review',
          numerator: 'Contacts where the passport was used',
          denominator: 'Contacts reviewed',
        },
        changeIdeas: ['Communication passports', 'Easy-read appointment letters'],
      },
    ],
  },
  CommunityNursing: {
    units: [
      'District nursing team (north)',
      'District nursing team (south)',
      'Community rehabilitation team',
    ],
    population: 'Patients, relatives and carers visited by the {unit}',
    testers: ['District nursing sister and team', 'Community staff nurse and healthcare assistant'],
    statements: [
      {
        theme: 'Knowing when the nurse will come',
        heard: 'Patients waited in all day without knowing when the nurse would visit',
        vision: 'I will always know when my nurse is coming',
        behaviour: 'are told a two-hour window for each visit',
        outcome: {
          name: 'Patients who always knew when the nurse was coming',
          definition: 'Monthly telephone survey',
          numerator: 'Patients answering Always',
          denominator: 'Patients surveyed',
        },
        process: {
          name: 'Visits booked with a two-hour window',
          definition: 'Scheduling system report',
          numerator: 'Visits with a window given to the patient',
          denominator: 'Visits scheduled',
        },
        changeIdeas: ['Visit windows given the day before', 'Phone call when running late'],
      },
    ],
  },
  PrimaryCare: {
    units: ['Practice reception', 'Practice nursing team', 'Long-term conditions clinic'],
    population: 'Patients registered with the practice using the {unit}',
    testers: ['Practice manager and receptionists', 'Practice nurse and healthcare assistant'],
    statements: [
      {
        theme: 'Being able to get through',
        heard: 'Patients said they gave up phoning in the morning rush',
        vision: 'I will always know how and when I can speak to someone about my care',
        behaviour: 'know how and when they can speak to someone at the practice',
        outcome: {
          name: 'Patients who always knew how to reach the practice',
          definition: 'Practice survey in the waiting room and online',
          numerator: 'Patients answering Always',
          denominator: 'Patients responding',
        },
        process: {
          name: 'Call-back offered at the first call',
          definition: 'Reception log sample',
          numerator: 'Calls offered a call-back time',
          denominator: 'Calls sampled',
        },
        changeIdeas: ['Call-back slots booked at first contact', 'A how-to-reach-us card in every room'],
      },
      {
        theme: 'Joined-up reviews of my conditions',
        heard: 'Patients with several conditions were called to many separate reviews',
        vision: 'I will always have one review that looks at all of me',
        behaviour: 'have one joined-up annual review of all their conditions',
        outcome: {
          name: 'Patients who always felt reviewed as a whole person',
          definition: 'Survey after the annual review',
          numerator: 'Patients answering Always',
          denominator: 'Patients reviewed',
        },
        process: {
          name: 'Reviews combined into one appointment',
          definition: 'Clinical system search',
          numerator: 'Patients with a combined review',
          denominator: 'Patients with two or more conditions due a review',
        },
        changeIdeas: ['Birthday-month combined reviews', 'Pre-review questionnaire on what matters'],
      },
    ],
  },
};
