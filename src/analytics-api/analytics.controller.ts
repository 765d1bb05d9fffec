import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk, ApiProblems } from '../http/api-docs';
import { computeChart, MAX_POINTS, validateSpcRequest } from '../analytics';
import { spcRequestSchema } from '../analytics/spc-request-schema';
import type { SpcResult } from '../analytics';
import { validationProblem } from '../shared/problem';

/** Thin HTTP shell around the pure analytics engine: evaluators bring their own series too. */
@ApiTags('analytics')
@Controller('v1/analytics')
export class AnalyticsController {
  @Post('spc')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Run chart or SPC chart (run, xmr, p, pprime, u, c) for any series, under a named rule profile',
    description:
      `Profiles: mdc (Making Data Count v5), mdc-sql (MDC SQL v2.6), ptd (NHSRplotthedots 0.2.2), ihi (Perla run chart), qic (qicharts2 0.8.1, Anhøj rules). ` +
      `Any parameter can be overridden; the response lists every parameter value used. Up to ${MAX_POINTS} points. ` +
      'Optional: phaseBaselinePoints (each phase’s own baseline, one entry per phase) and valueRange ({ lower, upper }: limits beyond it are reported at its edge, with a warning).',
  })
  @ApiBody({ schema: spcRequestSchema() })
  @ApiOk('The chart: centre, limits, rule flags and variation per point; runs analysis; icons', {
    type: 'object',
    required: ['chart', 'profile', 'parameters', 'points'],
  })
  @ApiProblems({
    400: 'Invalid series or options; `errors` names each field (e.g. points/3/denominator)',
    413: 'The body is larger than 8 MiB',
  })
  spc(@Body() body: unknown): SpcResult {
    const validation = validateSpcRequest(body);
    if (!validation.ok) {
      throw validationProblem(
        validation.errors.map((e) => ({ field: e.field, rule: e.rule, message: e.message })),
      );
    }
    return computeChart(validation.value);
  }
}
