import { engagementDecider, EngagementFacts, engagementStreamId } from '../../domain/engagement';
import { participationDecider, participationStreamId } from '../../domain/participation';
import { AggregateDefinition } from '../command-definition';
import { commandsOf, dataOf } from '../commands-of';
import type { FactLookups } from '../fact-lookups';
import { ParticipationCommandDto } from '../participation/participation-command.dto';
import {
  AmendMonthlyReturnDto,
  RecordLearningSharedDto,
  RecordSupportContactDto,
  SubmitMonthlyReturnDto,
} from './engagement.dtos';

const engagement = commandsOf(engagementDecider, (dto: ParticipationCommandDto) =>
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

export const engagementAggregate: AggregateDefinition = engagement.aggregate('engagement', [
  engagement.commandWithFacts({
    name: 'RecordSupportContact',
    summary: 'Record a site visit, coaching, leadership or all-site call, webinar or cohort launch event',
    dto: RecordSupportContactDto,
    data: dataOf,
    facts: participationFacts,
  }),
  engagement.commandWithFacts({
    name: 'SubmitMonthlyReturn',
    summary: "Submit a month's data return (once per period; late returns are normal)",
    dto: SubmitMonthlyReturnDto,
    data: dataOf,
    facts: participationFacts,
  }),
  engagement.commandWithFacts({
    name: 'AmendMonthlyReturn',
    summary: 'Correct a submitted monthly return',
    dto: AmendMonthlyReturnDto,
    data: dataOf,
    facts: participationFacts,
  }),
  engagement.commandWithFacts({
    name: 'RecordLearningShared',
    summary: 'Record learning the organisation shared with other providers',
    dto: RecordLearningSharedDto,
    data: dataOf,
    facts: participationFacts,
  }),
]);
