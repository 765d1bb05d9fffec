import { AGGREGATES } from '../../src/commands/catalogue';

/** The command names are the public contract (docs/architecture/domain-model.md): a rename here breaks every client. */
describe('the programme commands in the catalogue', () => {
  const names = (category: string) =>
    AGGREGATES.find((aggregate) => aggregate.category === category)?.commands.map((c) => c.name);

  it('offers the Always Event commands', () => {
    expect(names('always-event')).toEqual([
      'InitiateAlwaysEvent',
      'FormCoDesignTeam',
      'AddCoDesignTeamMember',
      'RemoveCoDesignTeamMember',
      'RecordListeningActivity',
      'IdentifyWhatMattersTheme',
      'StartCoDesign',
      'DraftStatement',
      'AssessCriteria',
      'AgreeStatement',
      'ReviseAim',
      'ProposeChangeIdea',
      'LinkMeasure',
      'StartTesting',
      'StartImplementation',
      'DeclareAimAchieved',
      'ConfirmSustainment',
      'RecordSustainmentLoss',
      'AddScaleUpUnit',
      'RecordUnitGoLive',
      'StopUnit',
      'RecordProgressScore',
      'PauseAlwaysEvent',
      'ResumeAlwaysEvent',
      'CloseAlwaysEvent',
      'AddDriver',
      'RewordDriverDiagramItem',
      'RetireDriverDiagramItem',
      'LinkDriverDiagramItem',
    ]);
  });
  it('offers the PDSA cycle commands', () => {
    expect(names('pdsa')).toEqual([
      'PlanPdsaCycle',
      'StartPdsaCycle',
      'RecordObservation',
      'RecordStudy',
      'CompletePdsaCycle',
      'CancelPdsaCycle',
    ]);
  });
  it('offers the measure commands', () => {
    expect(names('measure')).toEqual([
      'DefineMeasure',
      'ReviseMeasureDefinition',
      'RecordMeasurement',
      'CorrectMeasurement',
      'RetractMeasurement',
      'EstablishBaseline',
      'AnnotateChart',
      'RetireMeasure',
      'RecalculateLimits',
      'SetBaseline',
    ]);
  });
  it('offers the evaluation commands, TakeDataCut with its bounds computed by the service', () => {
    expect(names('evaluation')).toEqual([
      'TakeDataCut',
      'CommissionEvaluation',
      'RecordSurveyWave',
      'RecordInterviews',
      'RecordFinding',
      'PublishReport',
    ]);
  });
});
