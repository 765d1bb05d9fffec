import type { CareSetting } from '../../../src/domain/always-event';
import type { SettingContent } from './setting-content';

/** Acute settings: maternity, children's, out-patients, acute inpatient wards. */
export const HOSPITAL_SETTINGS: Readonly<Partial<Record<CareSetting, SettingContent>>> = {
  Maternity: {
    units: ['Birth centre', 'Postnatal ward', 'Antenatal clinic', 'Delivery suite', 'Maternity triage'],
    population: 'Women and birthing people using the {unit}',
    testers: ['Midwife in charge and two maternity support workers', 'Community midwifery team'],
    statements: [
      {
        theme: 'Partners staying after the birth',
        heard: 'Women said being separated from their partner on the first night was the hardest part',
        vision: 'I will always be able to have my birth partner with me when I need them',
        behaviour: 'can have their birth partner with them whenever they wish',
        outcome: {
          name: 'Women who could always have their partner with them',
          definition:
            'Postnatal survey before discharge: "Could your partner stay with you when you wanted?"',
          numerator: 'Women answering Always',
          denominator: 'Women surveyed before discharge',
        },
        process: {
          name: 'Partners offered an overnight chair and the visiting guide',
          definition: 'Audit of admissions at the midnight check',
          numerator: 'Admissions where the partner was offered a chair and the guide',
          denominator: 'Admissions audited',
        },
        changeIdeas: [
          'Reclining chairs by every bed with a partner agreement',
          'A welcome leaflet for partners written with parents',
          'Midnight check that partners have what they need',
        ],
      },
      {
        theme: 'Knowing who is caring for me',
        heard: 'Women often did not know which midwife was looking after them after a shift change',
        vision: 'I will always know the name of the midwife caring for me and what happens next',
        behaviour: 'know the name of their midwife and their plan for the next shift',
        outcome: {
          name: 'Women who always knew their midwife and plan',
          definition: 'Bedside survey: "Did you know who was caring for you and what would happen next?"',
          numerator: 'Women answering Always',
          denominator: 'Women surveyed',
        },
        process: {
          name: 'Whiteboards updated at handover',
          definition: 'Spot check of bedside whiteboards within an hour of handover',
          numerator: 'Whiteboards showing midwife name and plan',
          denominator: 'Whiteboards checked',
        },
        changeIdeas: [
          'Bedside handover with the woman taking part',
          'Named-midwife whiteboards at every bed',
          'Hello-my-name-is introductions at the start of each shift',
        ],
      },
    ],
  },
  Children: {
    units: ["Children's ward", 'Paediatric day unit', "Children's outpatients", 'Neonatal unit'],
    population: 'Children, young people and their families on the {unit}',
    testers: ['Play specialist and ward sister', 'Paediatric nurse and a healthcare assistant'],
    statements: [
      {
        theme: 'Being told what will happen, in my words',
        heard: 'Children said nobody explained procedures to them, only to their parents',
        vision: 'I will always be told what is going to happen to me in a way I understand',
        behaviour: 'are told what will happen to them in a way they understand',
        outcome: {
          name: 'Children who always understood what would happen',
          definition: 'Picture survey at discharge: "Did the staff explain things to you?"',
          numerator: 'Children choosing the Always face',
          denominator: 'Children completing the survey',
        },
        process: {
          name: 'Procedures explained with the picture book',
          definition: 'Play specialist log of planned procedures',
          numerator: 'Procedures explained to the child beforehand',
          denominator: 'Planned procedures',
        },
        changeIdeas: [
          'A picture book of procedures made with young people',
          'Play specialist preparation before every planned procedure',
          'Ask me first cards on each bed',
        ],
      },
      {
        theme: 'Parents staying close',
        heard: 'Parents wanted to stay with their child for anaesthetic and recovery',
        vision: 'We will always be able to stay with our child when they need us',
        behaviour: 'can stay with their child through anaesthetic and recovery',
        outcome: {
          name: 'Parents who could always stay with their child',
          definition: 'Parent survey at discharge: "Could you stay with your child when they needed you?"',
          numerator: 'Parents answering Always',
          denominator: 'Parents surveyed',
        },
        process: {
          name: 'Parents invited into the anaesthetic room',
          definition: 'Theatre checklist item',
          numerator: 'Cases with a parent invited',
          denominator: 'Paediatric cases',
        },
        changeIdeas: [
          'Parent invitation added to the theatre checklist',
          'Recovery bay chairs for parents',
          'Parent passport kept at the bedside',
        ],
      },
    ],
  },
  Outpatients: {
    units: ['Fracture clinic', 'Ophthalmology clinic', 'Rheumatology clinic', 'Main outpatients'],
    population: 'Patients attending the {unit}',
    testers: ['Clinic coordinator and outpatient nurse', 'Outpatient sister and receptionists'],
    statements: [
      {
        theme: 'Knowing how long I will wait',
        heard: 'Patients said sitting in clinic without knowing the delay made them anxious',
        vision: 'I will always be told how long I am likely to wait and why',
        behaviour: 'are told how long they are likely to wait and why',
        outcome: {
          name: 'Patients who were always told about their wait',
          definition: 'Exit card: "Were you told how long you would wait?"',
          numerator: 'Patients answering Always',
          denominator: 'Exit cards returned',
        },
        process: {
          name: 'Clinic delay board updated every 30 minutes',
          definition: 'Receptionist check sheet',
          numerator: 'Half-hour checks with the board updated',
          denominator: 'Half-hour checks due',
        },
        changeIdeas: [
          'A waiting-time board updated by the clinic coordinator',
          'Receptionist rounds to tell each patient about delays',
          'Text message when the clinic runs late',
        ],
      },
      {
        theme: 'Leaving with a plan I understand',
        heard: 'Patients left clinic unsure what the next step in their care would be',
        vision: 'I will always leave my appointment knowing what happens next',
        behaviour: 'leave their appointment knowing what happens next',
        outcome: {
          name: 'Patients who always knew what happened next',
          definition: 'Exit survey: "Do you know what happens next with your care?"',
          numerator: 'Patients answering Always',
          denominator: 'Patients surveyed',
        },
        process: {
          name: 'Patients given a written next-steps card',
          definition: 'Audit of clinic letters and cards',
          numerator: 'Appointments with a next-steps card',
          denominator: 'Appointments audited',
        },
        changeIdeas: [
          'A next-steps card filled in with the patient',
          'Teach-back at the end of the appointment',
        ],
      },
    ],
  },
  AcuteInpatient: {
    units: [
      'Ward 7 (medicine)',
      'Ward 12 (surgery)',
      'Acute medical unit',
      'Stroke unit',
      'Ward 3 (older people)',
    ],
    population: 'Patients and their families on {unit}',
    testers: ['Ward sister and two healthcare assistants', 'Nurse in charge and the discharge coordinator'],
    statements: [
      {
        theme: 'Communication at discharge',
        heard: 'Patients went home unsure about medicines and who to call',
        vision: 'I will always know what to expect when I go home and who to contact',
        behaviour: 'know what to expect at home and who to contact before they leave',
        outcome: {
          name: 'Patients who always knew what to expect at home',
          definition: 'Discharge survey: "Did you know what to expect and who to call?"',
          numerator: 'Patients answering Always',
          denominator: 'Patients surveyed at discharge',
        },
        process: {
          name: 'Discharge conversations using the checklist',
          definition: 'Audit of discharge notes',
          numerator: 'Discharges with the checklist completed with the patient',
          denominator: 'Discharges audited',
        },
        changeIdeas: [
          'A going-home checklist written with patients',
          'Discharge conversation the day before leaving',
          'A contact card with the ward number for 48 hours',
        ],
      },
      {
        theme: 'Flexible visiting',
        heard: 'Families said fixed visiting hours kept them away when they were most needed',
        vision: 'We will always be welcome to be with the person we care for',
        behaviour: 'are welcome to visit whenever the person they care for wants them there',
        outcome: {
          name: 'Families who always felt welcome to visit',
          definition: 'Family survey: "Did you feel welcome to be with your relative?"',
          numerator: 'Families answering Always',
          denominator: 'Families surveyed',
        },
        process: {
          name: "Carers offered John's Campaign passport",
          definition: 'Admission audit',
          numerator: 'Admissions where the carer was offered the passport',
          denominator: 'Admissions audited',
        },
        changeIdeas: [
          'Open visiting with protected mealtimes by agreement',
          'Carer passport offered on admission',
          'Welcome board with how families can help',
        ],
      },
    ],
  },
};
