/**
 * Which generated response schema (src/openapi/responses/response-types.ts) each query
 * route answers with, by its OpenAPI path. test/openapi/response-schemas.e2e.spec.ts
 * checks every route has one and that real answers conform.
 */
export const RESPONSE_OF_ROUTE: Readonly<Record<string, { status: number; schema: string }>> = {
  'GET /v1/spread/summary': { status: 200, schema: 'SpreadSummaryResponse' },
  'GET /v1/spread/timeline': { status: 200, schema: 'SpreadTimelineResponse' },
  'GET /v1/spread/breakdown': { status: 200, schema: 'SpreadBreakdownResponse' },
  'GET /v1/spread/scale-up-units': { status: 200, schema: 'ScaleUpUnitsResponse' },
  'GET /v1/spread/lineage': { status: 200, schema: 'SpreadLineageResponse' },
  'GET /v1/spread/cohorts': { status: 200, schema: 'SpreadCohortsResponse' },
  'GET /v1/spread/return-compliance': { status: 200, schema: 'ReturnComplianceResponse' },
  'GET /v1/measures/{measureId}/chart': { status: 200, schema: 'MeasureChartResponse' },
  'GET /v1/measures/{measureId}/recalculation-proposals': {
    status: 200,
    schema: 'RecalculationProposalsResponse',
  },
  'GET /v1/evaluation/always-events/{alwaysEventId}/driver-diagram': {
    status: 200,
    schema: 'DriverDiagramResponse',
  },
  'GET /v1/evaluation/always-events': { status: 200, schema: 'AlwaysEventRegisterResponse' },
  'GET /v1/evaluation/always-events/{alwaysEventId}': { status: 200, schema: 'AlwaysEventResponse' },
  'GET /v1/evaluation/funnel': { status: 200, schema: 'FunnelResponse' },
  'GET /v1/evaluation/pdsa-learning': { status: 200, schema: 'PdsaLearningResponse' },
  'GET /v1/evaluation/co-production': { status: 200, schema: 'CoProductionResponse' },
  'GET /v1/evaluation/progress-scores': { status: 200, schema: 'ProgressScoresResponse' },
  'GET /v1/evaluation/data-cuts/{dataCutId}': { status: 200, schema: 'DataCutResponse' },
  'GET /v1/evaluation/data-cuts/{dataCutId}/verify': { status: 200, schema: 'DataCutVerificationResponse' },
  'GET /v1/evaluation/data-cuts/{dataCutId}/read-models/{readModel}': {
    status: 200,
    schema: 'DataCutReadModelResponse',
  },
  'GET /v1/history/changes': { status: 200, schema: 'ChangesResponse' },
  'GET /v1/participation/contacts': { status: 200, schema: 'ContactsResponse' },
  'GET /v1/admin/read-models': { status: 200, schema: 'ReadModelsResponse' },
  'POST /v1/admin/read-models/{name}/rebuild': { status: 202, schema: 'RebuildStartedResponse' },
  'POST /v1/analytics/spc': { status: 200, schema: 'SpcResponse' },
  'GET /v1/organisations': { status: 200, schema: 'OrganisationsResponse' },
  'GET /v1/organisations/{odsCode}': { status: 200, schema: 'OrganisationPageResponse' },
  'GET /v1/always-events': { status: 200, schema: 'AlwaysEventsResponse' },
  'GET /v1/evaluations': { status: 200, schema: 'EvaluationsResponse' },
  'GET /v1/evaluations/data-cuts': { status: 200, schema: 'DataCutsResponse' },
  'GET /v1/evaluations/findings': { status: 200, schema: 'FindingsResponse' },
  'GET /v1/evaluations/reports': { status: 200, schema: 'EvaluationReportsResponse' },
  'GET /v1/worklist': { status: 200, schema: 'WorklistResponse' },
  'GET /v1/reports/programme': { status: 200, schema: 'ProgrammeReportResponse' },
  'POST /v1/imports': { status: 200, schema: 'ImportReportResponse' },
};
