import { HttpStatus } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { ProblemException } from '../../http/problem';
import { findPatientData } from '../../privacy/patient-data-guard';
import type { CommandDefinition } from '../command-definition';
import type { CommandDto } from './command-dto';
import { validateDto } from './validate-dto';

const DESCRIPTIONS = {
  'nhs-number': 'an NHS number',
  'email-address': 'an email address',
  'uk-phone-number': 'a UK phone number',
  'postcode-with-date-of-birth': 'a postcode next to a date of birth',
} as const;

/**
 * Everything a command body must pass before it reaches the CommandBus, the
 * same for HTTP and Kafka: the DTO's rules (400), then the patient-data guard
 * (422). The guard names the field and the pattern but never echoes the value.
 */
export async function validateCommand(definition: CommandDefinition, body: unknown): Promise<CommandDto> {
  const dto = await validateDto(definition.dto, body);
  const findings = findPatientData(instanceToPlain(dto));
  if (findings.length > 0) {
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'patient-identifiable-data',
      'Patient-identifiable data refused',
      'The event log is immutable and must never hold patient-identifiable data; nothing was written. Remove it and send again.',
      {
        errors: findings.map((f) => ({
          field: f.field,
          rule: f.pattern,
          message: `${f.field} contains what looks like ${DESCRIPTIONS[f.pattern]}`,
        })),
      },
    );
  }
  return dto;
}
