/**
 * The complete parameter set of a request: its profile's values, then its
 * overrides, then the request's own settings. This is what every response
 * lists, so a result can be reproduced from it alone.
 */
import { PROFILES } from './profiles';
import { PARAMETER_NAMES, SpcParameters } from './spc-parameters';
import type { SpcParametersUsed, SpcRequest } from './spc-types';

export function resolveParameters(request: SpcRequest): SpcParametersUsed {
  const base: SpcParameters = { ...PROFILES[request.profile].parameters };
  const overrides = request.overrides ?? {};
  for (const name of PARAMETER_NAMES) {
    const value = overrides[name];
    if (value !== undefined) (base as unknown as Record<string, unknown>)[name] = value;
  }
  return {
    ...base,
    improvementDirection: request.improvementDirection ?? 'neither',
    target: request.target ?? null,
    baselinePoints: request.baselinePoints ?? null,
    recalculateAt: [...(request.recalculateAt ?? [])],
    exclude: [...(request.exclude ?? [])],
    multiply: request.multiply ?? 1,
    ...(request.phaseBaselinePoints ? { phaseBaselinePoints: [...request.phaseBaselinePoints] } : {}),
    ...(request.valueRange ? { valueRange: { ...request.valueRange } } : {}),
  };
}
