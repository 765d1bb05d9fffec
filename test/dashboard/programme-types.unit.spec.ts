import type {
  AlwaysEventListRow as ServiceListRow,
  ImportReportResponse,
  OrganisationPageResponse,
  OrganisationsResponse,
  WorklistResponse,
} from '../../src/openapi/responses/response-types';
import type {
  AlwaysEventListRow,
  CursorList,
  ImportReport,
  OrganisationPage,
  OrganisationRow,
  Worklist,
} from '../../web/src/api/programme-types';

/** Whether what the service sends can be read as what the dashboard expects. */
type Reads<Sent, Read> = [Sent] extends [Read] ? true : false;

/**
 * The dashboard restates the programme team's answers (its type check cannot
 * load the service's response types, whose imports reach the framework);
 * this file is where the two are held together: `npx tsc --noEmit -p
 * tsconfig.json` fails here when an answer changes shape under the dashboard.
 */
const held: {
  organisations: Reads<OrganisationsResponse, CursorList<OrganisationRow>>;
  organisation: Reads<OrganisationPageResponse, OrganisationPage>;
  alwaysEvents: Reads<ServiceListRow, AlwaysEventListRow>;
  alwaysEventsBack: Reads<AlwaysEventListRow, ServiceListRow>;
  worklist: Reads<WorklistResponse, Worklist>;
  imports: Reads<ImportReportResponse, ImportReport>;
} = {
  organisations: true,
  organisation: true,
  alwaysEvents: true,
  alwaysEventsBack: true,
  worklist: true,
  imports: true,
};

describe('the dashboard’s view of the programme team’s answers', () => {
  it('reads every answer as the service sends it (checked by the type check)', () => {
    expect(Object.values(held).every((ok) => ok)).toBe(true);
  });
});
