import { engagementDecider, EngagementFacts, engagementStreamId } from '../../domain/engagement';
import { participationDecider, participationStreamId } from '../../domain/participation';
import { commandsFor } from '../aggregate-commands';
import { AggregateDefinition } from '../command-definition';
import type { FactLookups } from '../fact-lookups';
import { ParticipationCommandDto } from '../participation/participation-command.dto';
import {
  AmendMonthlyReturnDto,
  RecordLearningSharedDto,
  RecordSupportContactDto,
  SubmitMonthlyReturnDto,
} from './engagement.dtos';

const engagementCommand = commandsFor(engagementDecider, (dto: ParticipationCommandDto) =>
  engagementStreamId(dto.programmeSlug, dto.odsCode),
);

/** Every entry needs the participation enrolled or paused, as its own stream says. */
const participationFacts = async (
  dto: ParticipationCommandDto,
  lookups: FactLookups,
): Promise<EngagementFacts> => ({
  participation: (
    await lookups.load(participationDecider, participationStreamId(dto.programmeSlug, dto.odsCode))
  ).state,
});

export const engagementAggregate: AggregateDefinition = {
  category: 'engagement',
  decider: engagementDecider as AggregateDefinition['decider'],
  commands: [
    engagementCommand({
      name: 'RecordSupportContact',
      summary: 'Record a site visit, coaching, leadership or all-site call, webinar or cohort launch event',
      dto: RecordSupportContactDto,
      facts: participationFacts,
    }),
    engagementCommand({
      name: 'SubmitMonthlyReturn',
      summary: "Submit a month's data return (once per period; late returns are normal)",
      dto: SubmitMonthlyReturnDto,
      facts: participationFacts,
    }),
    engagementCommand({
      name: 'AmendMonthlyReturn',
      summary: 'Correct a submitted monthly return',
      dto: AmendMonthlyReturnDto,
      facts: participationFacts,
    }),
    engagementCommand({
      name: 'RecordLearningShared',
      summary: 'Record learning the organisation shared with other providers',
      dto: RecordLearningSharedDto,
      facts: participationFacts,
    }),
  ],
};
