import { contactsProjection } from './contacts/contacts.projection';
import { alwaysEventRegisterProjection } from './evaluation/always-event-register.projection';
import { pdsaLearningProjection } from './evaluation/pdsa-learning.projection';
import { Projection } from './runner/projection';
import { driverDiagramsProjection } from './driver-diagrams/driver-diagrams.projection';
import { measuresProjection } from './measures/measures.projection';
import { spreadProjection } from './spread/spread.projection';
import { organisationsProjection } from './organisations/organisations.projection';
import { evaluationRecordsProjection } from './evaluations/evaluation-records.projection';
import { worklistProjection } from './worklist/worklist.projection';

/** Every read model the runner keeps live (and time travel can fold). */
export const READ_MODELS: readonly Projection[] = [
  spreadProjection as Projection,
  measuresProjection as Projection,
  alwaysEventRegisterProjection as Projection,
  pdsaLearningProjection as Projection,
  contactsProjection as Projection,
  organisationsProjection as Projection,
  evaluationRecordsProjection as Projection,
  worklistProjection as Projection,
  driverDiagramsProjection as Projection,
];
