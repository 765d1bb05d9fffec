import { EvaluationEvent, EvaluationRef } from './events';

export interface EvaluationState {
  status: 'NotCommissioned' | 'Commissioned' | 'Reported';
  ref: EvaluationRef | null;
  dataCutIds: string[];
  surveyWaveIds: string[];
  interviewRoundIds: string[];
  findingIds: string[];
}

export const initialState = (): EvaluationState => ({
  status: 'NotCommissioned',
  ref: null,
  dataCutIds: [],
  surveyWaveIds: [],
  interviewRoundIds: [],
  findingIds: [],
});

export function evolve(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'EvaluationCommissioned': {
      const { evaluationId, evaluator, scope } = event.data;
      return { ...state, status: 'Commissioned', ref: { evaluationId, evaluator, scope } };
    }
    case 'DataCutTaken':
      return { ...state, dataCutIds: [...state.dataCutIds, event.data.dataCutId] };
    case 'EvaluationSurveyWaveClosed':
      return { ...state, surveyWaveIds: [...state.surveyWaveIds, event.data.waveId] };
    case 'EvaluationInterviewsCompleted':
      return { ...state, interviewRoundIds: [...state.interviewRoundIds, event.data.interviewRoundId] };
    case 'EvaluationFindingRecorded':
      return { ...state, findingIds: [...state.findingIds, event.data.findingId] };
    case 'EvaluationReportPublished':
      return { ...state, status: 'Reported' };
  }
}
