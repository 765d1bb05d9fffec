import { personalDataDecider, personalDataStreamId } from '../../domain/personal-data';
import { AggregateDefinition } from '../command-definition';
import { commandsOf, dataOf } from '../commands-of';
import { ErasePersonalDataDto } from './personal-data.dtos';

const personalData = commandsOf(personalDataDecider, (dto: ErasePersonalDataDto) =>
  personalDataStreamId(dto.personId),
);

/** Staff personal data: erasure on request (docs/governance/erasure-and-redaction.md). */
export const personalDataAggregate: AggregateDefinition = personalData.aggregate('personal-data', [
  personalData.commandWithFacts({
    name: 'ErasePersonalData',
    summary: "Erase a person's personal data (name, email, post) everywhere it is shown; audited",
    description:
      'A governed decision (programme-admin, with a reason). The erasure is recorded in the log and the ' +
      "person's key is destroyed: every read model, replay, data cut, export and Kafka message shows `[erased]` " +
      'for them from then on. 422 `person-unknown` when no personal data is held for the id; 409 ' +
      '`personal-data-already-erased` for a second erasure.',
    dto: ErasePersonalDataDto,
    data: dataOf,
    facts: async (dto, lookups) => {
      const holding = await lookups.personalDataHolding(dto.personId);
      // An erasure in the log with its key already gone reads as held: the decider finds it erased first.
      return { holding: holding === 'none' ? 'none' : 'held' };
    },
  }),
]);
