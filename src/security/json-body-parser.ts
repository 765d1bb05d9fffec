import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { validationProblem } from '../shared/problem';
import { jsonShapeViolation } from '../shared/validation/json-limits';

/**
 * The JSON body parser: Fastify's own (which keeps its prototype-poisoning
 * protection), after a linear scan of the raw text against the shape limits
 * (json-limits.ts), so a body nested 10,000 deep, an array of a million items,
 * a duplicated or a prototype key is a 400 naming the limit before JSON.parse
 * or anything recursive runs. Registered before Nest registers its default.
 */
export function useJsonBodyLimits(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (request, body, done) => {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
    const violation = jsonShapeViolation(text);
    if (violation) {
      done(validationProblem([violation]), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
