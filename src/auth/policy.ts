import type { Role } from './principal';

/**
 * Who may do what: the one table the authorisation guard (HTTP) and
 * `authoriseCommand` (HTTP and Kafka) read. Nothing else decides access.
 * `test/auth/authorisation-matrix.e2e.spec.ts` fails when a command in the
 * catalogue or a route Nest registers has no entry here.
 */

/** `organisation`: a principal limited to some organisations may only run it for one of them. */
export interface CommandPolicy {
  roles: readonly Role[];
  scope: 'organisation' | 'none';
}

export interface RoutePolicy {
  /** Open to anyone, credentials or not. */
  public?: boolean;
  roles?: readonly Role[];
  /** POST /v1/commands/{name}: each command's own entry in COMMAND_POLICIES decides. */
  commands?: boolean;
  /** Roles allowed to bound knowledge time (asKnownAt, atPosition); others get 403. Unset: every role in `roles`. */
  knowledgeTimeTravel?: readonly Role[];
  /** The `streamId` parameter must be a stream of an organisation in the principal's scope. */
  streamScope?: boolean;
  /** Roles that may read only streams of these categories (an evaluator: evaluations). */
  streamCategories?: Partial<Record<Role, readonly string[]>>;
}

const ADMIN = 'programme-admin';

/** National decisions: the programme, the register, who is enrolled and in which cohort. */
const programmeDecision: CommandPolicy = { roles: [ADMIN], scope: 'none' };
/** A trust's own work, which its system records for itself. */
const organisationWork: CommandPolicy = { roles: [ADMIN, 'submitter'], scope: 'organisation' };
/** The evaluators' own records (data cuts, survey waves, findings, report). */
const evaluationWork: CommandPolicy = { roles: [ADMIN, 'evaluator'], scope: 'none' };

export const COMMAND_POLICIES: Readonly<Record<string, CommandPolicy>> = {
  // Programme
  LaunchProgramme: programmeDecision,
  DefinePhase: programmeDecision,
  SetEnrolmentTarget: programmeDecision,
  ScheduleCohort: programmeDecision,
  LaunchCohort: programmeDecision,
  CloseCohort: programmeDecision,
  CloseProgramme: programmeDecision,
  SetReportingWindow: programmeDecision,
  ClosePhase: programmeDecision,
  SetWorklistThresholds: programmeDecision,
  // Organisation register
  RegisterOrganisation: programmeDecision,
  RenameOrganisation: programmeDecision,
  ReclassifyOrganisation: programmeDecision,
  RecordMerger: programmeDecision,
  DissolveOrganisation: programmeDecision,
  // Participation: the trust's own steps...
  ExpressInterest: organisationWork,
  ConfirmExecutiveSponsor: organisationWork,
  SignParticipationCommitment: organisationWork,
  AppointLocalLead: organisationWork,
  EstablishOversightTeam: organisationWork,
  ChangeExecutiveSponsor: organisationWork,
  RecordSponsorVacancy: organisationWork,
  PauseParticipation: organisationWork,
  ResumeParticipation: organisationWork,
  WithdrawOrganisation: organisationWork,
  // ...and the programme's decisions about it (the enrolment count is the programme's headline figure).
  EnrolOrganisation: programmeDecision,
  AssignToCohort: programmeDecision,
  CompleteParticipation: programmeDecision,
  // Engagement log
  RecordSupportContact: organisationWork,
  SubmitMonthlyReturn: organisationWork,
  AmendMonthlyReturn: organisationWork,
  RecordLearningShared: organisationWork,
  // Always Event (scoped through alwaysEventId → the stream's odsCode)
  InitiateAlwaysEvent: organisationWork,
  FormCoDesignTeam: organisationWork,
  AddCoDesignTeamMember: organisationWork,
  RemoveCoDesignTeamMember: organisationWork,
  RecordListeningActivity: organisationWork,
  IdentifyWhatMattersTheme: organisationWork,
  StartCoDesign: organisationWork,
  DraftStatement: organisationWork,
  AssessCriteria: organisationWork,
  AgreeStatement: organisationWork,
  ReviseAim: organisationWork,
  ProposeChangeIdea: organisationWork,
  LinkMeasure: organisationWork,
  StartTesting: organisationWork,
  StartImplementation: organisationWork,
  DeclareAimAchieved: organisationWork,
  ConfirmSustainment: organisationWork,
  RecordSustainmentLoss: organisationWork,
  RecordProgressScore: organisationWork,
  AddScaleUpUnit: organisationWork,
  RecordUnitGoLive: organisationWork,
  StopUnit: organisationWork,
  PauseAlwaysEvent: organisationWork,
  ResumeAlwaysEvent: organisationWork,
  CloseAlwaysEvent: organisationWork,
  AddDriver: organisationWork,
  RewordDriverDiagramItem: organisationWork,
  RetireDriverDiagramItem: organisationWork,
  LinkDriverDiagramItem: organisationWork,
  // PDSA cycles (pdsaCycleId → its stream's odsCode, or its Always Event's)
  PlanPdsaCycle: organisationWork,
  StartPdsaCycle: organisationWork,
  RecordObservation: organisationWork,
  RecordStudy: organisationWork,
  CompletePdsaCycle: organisationWork,
  CancelPdsaCycle: organisationWork,
  // Measures (measureId → its stream's odsCode, or its Always Event's)
  DefineMeasure: organisationWork,
  ReviseMeasureDefinition: organisationWork,
  RecordMeasurement: organisationWork,
  CorrectMeasurement: organisationWork,
  RetractMeasurement: organisationWork,
  EstablishBaseline: organisationWork,
  AnnotateChart: organisationWork,
  RetireMeasure: organisationWork,
  RecalculateLimits: organisationWork,
  SetBaseline: organisationWork,
  // Evaluation: commissioned by the programme, carried out by evaluators
  CommissionEvaluation: programmeDecision,
  TakeDataCut: evaluationWork,
  RecordSurveyWave: evaluationWork,
  RecordInterviews: evaluationWork,
  RecordFinding: evaluationWork,
  PublishReport: evaluationWork,
  // Staff personal data: erasure is a governed decision of the programme (docs/governance/erasure-and-redaction.md)
  ErasePersonalData: programmeDecision,
};

/** Read models (GET /v1/... queries): analysts see the present and the past as now known, evaluators also as it was known. */
export const READ_MODEL_ROUTE: RoutePolicy = {
  roles: [ADMIN, 'analyst', 'evaluator'],
  knowledgeTimeTravel: [ADMIN, 'evaluator'],
};

/** Keys are `METHOD /path` as Nest registers the route (HEAD is checked as GET). */
export const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  'GET /health/live': { public: true },
  'GET /health/ready': { public: true },
  // The dashboard's page and its assets hold no data: the page asks for a credential and sends it to the API.
  'GET /': { public: true },
  'GET /assets/*': { public: true },
  'POST /v1/commands/:name': { commands: true },
  'GET /v1/streams/:streamId': {
    roles: [ADMIN, 'auditor', 'submitter', 'evaluator'],
    streamScope: true,
    streamCategories: { evaluator: ['evaluation'] },
  },
  'GET /v1/streams/:streamId/events': { roles: [ADMIN, 'auditor'] },
  'GET /v1/history/changes': { roles: [ADMIN, 'auditor', 'evaluator'] },
  'GET /v1/export/events': { roles: [ADMIN, 'evaluator'] },
  'POST /v1/analytics/spc': { roles: [ADMIN, 'analyst', 'evaluator'] },
  // Analysts' read models (spread against the target).
  'GET /v1/spread/summary': READ_MODEL_ROUTE,
  'GET /v1/spread/timeline': READ_MODEL_ROUTE,
  'GET /v1/spread/breakdown': READ_MODEL_ROUTE,
  'GET /v1/spread/scale-up-units': READ_MODEL_ROUTE,
  'GET /v1/spread/lineage': READ_MODEL_ROUTE,
  'GET /v1/spread/cohorts': READ_MODEL_ROUTE,
  'GET /v1/spread/return-compliance': READ_MODEL_ROUTE,
  'GET /v1/measures/:measureId/chart': READ_MODEL_ROUTE,
  'GET /v1/measures/:measureId/chart.svg': READ_MODEL_ROUTE,
  'GET /v1/measures/:measureId/chart.png': READ_MODEL_ROUTE,
  'GET /v1/measures/:measureId/recalculation-proposals': READ_MODEL_ROUTE,
  // Evaluators' read models (analysts read them too, at business time only).
  'GET /v1/evaluation/always-events': READ_MODEL_ROUTE,
  'GET /v1/evaluation/always-events/:alwaysEventId': READ_MODEL_ROUTE,
  'GET /v1/evaluation/always-events/:alwaysEventId/driver-diagram': READ_MODEL_ROUTE,
  'GET /v1/evaluation/funnel': READ_MODEL_ROUTE,
  'GET /v1/evaluation/pdsa-learning': READ_MODEL_ROUTE,
  'GET /v1/evaluation/co-production': READ_MODEL_ROUTE,
  'GET /v1/evaluation/progress-scores': READ_MODEL_ROUTE,
  // Staff contact details (personal data): the programme team only.
  'GET /v1/participation/contacts': { roles: [ADMIN] },
  // Removal of data that should never have been written: a governed, audited procedure.
  'POST /v1/admin/redactions': { roles: [ADMIN] },
  // Data cuts fix knowledge time: evaluators' work (and the programme's).
  'GET /v1/evaluation/data-cuts/:dataCutId': { roles: [ADMIN, 'evaluator'] },
  'GET /v1/evaluation/data-cuts/:dataCutId/verify': { roles: [ADMIN, 'evaluator'] },
  'GET /v1/evaluation/data-cuts/:dataCutId/read-models/:readModel': { roles: [ADMIN, 'evaluator'] },
  // The programme team's lists, organisation page and worklist.
  'GET /v1/organisations': READ_MODEL_ROUTE,
  'GET /v1/organisations/:odsCode': READ_MODEL_ROUTE,
  'GET /v1/always-events': READ_MODEL_ROUTE,
  'GET /v1/worklist': { roles: [ADMIN, 'analyst'], knowledgeTimeTravel: [ADMIN] },
  'GET /v1/reports/programme': READ_MODEL_ROUTE,
  // Evaluations and what evaluators record in them.
  'GET /v1/evaluations': READ_MODEL_ROUTE,
  'GET /v1/evaluations/data-cuts': READ_MODEL_ROUTE,
  'GET /v1/evaluations/findings': READ_MODEL_ROUTE,
  'GET /v1/evaluations/reports': READ_MODEL_ROUTE,
  // Imports: each row is authorised as its command is (a submitter's rows must be its organisations').
  'POST /v1/imports': { roles: [ADMIN, 'submitter'] },
  'GET /v1/imports/template': { roles: [ADMIN, 'submitter', 'analyst'] },
  // Operating the read models.
  'GET /v1/admin/read-models': { roles: [ADMIN] },
  'POST /v1/admin/read-models/:name/rebuild': { roles: [ADMIN] },
  // Prometheus scrapes: a `metrics` credential reads this and nothing else.
  'GET /metrics': { roles: [ADMIN, 'metrics'] },
};

/** Served by Swagger, outside Nest's guards: documentation is public. */
const PUBLIC_DOCUMENTATION = /^\/(docs(\/.*)?|openapi\.(json|yaml))$/;

export function routeKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

export function routePolicy(method: string, url: string | undefined): RoutePolicy | undefined {
  if (url === undefined) return undefined;
  if (PUBLIC_DOCUMENTATION.test(url)) return { public: true };
  return ROUTE_POLICIES[routeKey(method, url)];
}
