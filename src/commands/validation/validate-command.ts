import { patientDataProblem } from '../../http/patient-data-problem';
import { screen } from '../../privacy/screening';
import type { CommandDefinition } from '../command-definition';
import type { CommandDto } from './command-dto';
import { validateDto } from './validate-dto';

/**
 * Everything a command body must pass before it reaches the CommandBus, the
 * same for HTTP and Kafka (and imports, when they come): screening for
 * patient-identifiable data on the body as sent, every field name and value
 * (422, naming the field and the pattern, never the value), then the shape
 * limits, text hygiene and the DTO's rules (400). Screening comes first so
 * that no later error message can repeat what it would refuse.
 */
export async function validateCommand(definition: CommandDefinition, body: unknown): Promise<CommandDto> {
  const findings = screen(body);
  if (findings.length > 0) throw patientDataProblem(findings);
  return validateDto(definition.dto, body);
}
