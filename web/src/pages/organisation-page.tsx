import type { OrganisationPage as Answer, OrganisationRow } from '../api/programme-types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatCount, formatPercent, humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useResource } from '../app/use-resource';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';
import { OrganisationAlwaysEvents, OrganisationMeasures } from './organisation-always-events';

/** One organisation as the programme team needs it: register facts, participation, Always Events, returns, measures. */
export function OrganisationPage({ odsCode, query }: { odsCode: string; query: URLSearchParams }) {
  const { api, bounds } = useSession();
  const [page, retry] = useResource(
    () => api.get<Answer>(`/v1/organisations/${odsCode}`, bounds),
    `${odsCode}|${boundsKey(bounds)}`,
  );
  return (
    <>
      <p class="breadcrumb">
        <a href={hrefOf('/organisations', sharedParams(query))}>Organisations</a>
      </p>
      <Await resource={page} retry={retry} what="this organisation">
        {(answer) => {
          const registered = 'name' in answer.organisation ? answer.organisation : null;
          return (
            <>
              <h1>{registered?.name ?? odsCode}</h1>
              <p class="lead">
                {odsCode} ·{' '}
                {registered
                  ? `${humanise(registered.type)} · ${registered.region}`
                  : 'Not on the register at these bounds'}
              </p>
              {registered && <Facts row={registered} />}
              <History answer={answer} />
              <Participation answer={answer} />
              <OrganisationAlwaysEvents alwaysEvents={answer.alwaysEvents} query={query} />
              <Returns answer={answer} />
              <OrganisationMeasures alwaysEvents={answer.alwaysEvents} />
            </>
          );
        }}
      </Await>
    </>
  );
}

function Facts({ row }: { row: OrganisationRow }) {
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">On the register</h2>
      <dl class="facts" data-testid="organisation-facts">
        <dt>Status in the programme</dt>
        <dd data-testid="organisation-status">{humanise(row.status)}</dd>
        <dt>Enrolled</dt>
        <dd>{formatDay(row.enrolledOn)}</dd>
        <dt>Cohort</dt>
        <dd>{row.cohort ?? '—'}</dd>
        <dt>Senior support</dt>
        <dd>{row.seniorSupport ? 'Yes' : 'No'}</dd>
        <dt>NHS trust</dt>
        <dd>{row.isNhsTrust ? 'Yes' : 'No'}</dd>
        <dt>Open</dt>
        <dd>
          {formatDay(row.openDate)}
          {row.closeDate ? ` to ${formatDay(row.closeDate)}` : ''}
          {row.successorOdsCode ? ` (succeeded by ${row.successorOdsCode})` : ''}
        </dd>
      </dl>
    </section>
  );
}

function History({ answer }: { answer: Answer }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Register history</h2>
      <DataTable
        caption="Changes to the organisation's register entry"
        testId="register-history"
        rows={answer.history}
        rowKey={(h, i) => `${h.on}-${i}`}
        columns={[
          { label: 'On', value: (h) => formatDay(h.on) },
          { label: 'Change', value: (h) => humanise(h.change) },
          { label: 'Detail', value: (h) => h.detail },
        ]}
      />
    </section>
  );
}

function Participation({ answer }: { answer: Answer }) {
  const p = answer.participation;
  return (
    <section aria-labelledby="participation-heading">
      <h2 id="participation-heading">Participation and sponsor</h2>
      {p === null ? (
        <p>No participation in this programme at these bounds.</p>
      ) : (
        <div class="figures">
          <DataTable
            caption="Participation, step by step"
            testId="participation-steps"
            rows={p.steps}
            rowKey={(s, i) => `${s.on}-${i}`}
            columns={[
              { label: 'On', value: (s) => formatDay(s.on) },
              { label: 'Step', value: (s) => humanise(s.step) },
              { label: 'Detail', value: (s) => s.detail ?? '—' },
            ]}
          />
          <DataTable
            caption="Executive sponsor (posts and dates, no names)"
            testId="sponsor-history"
            rows={p.sponsor}
            rowKey={(s, i) => `${s.on}-${i}`}
            columns={[
              { label: 'On', value: (s) => formatDay(s.on) },
              { label: 'Change', value: (s) => humanise(s.change) },
              {
                label: 'Board level',
                value: (s) => (s.isBoardLevel === null ? '—' : s.isBoardLevel ? 'Yes' : 'No'),
              },
              { label: 'Senior support', value: (s) => (s.seniorSupport ? 'Yes' : 'No') },
            ]}
          />
        </div>
      )}
    </section>
  );
}

function Returns({ answer }: { answer: Answer }) {
  const { compliance, submitted, window, phaseWindow } = answer.returns;
  // Compliance ends at the organisation's phase's window, which never ends after the programme's.
  const phaseEnds = phaseWindow?.applied && phaseWindow.endsOn && phaseWindow.source !== 'programme';
  return (
    <section aria-labelledby="returns-heading">
      <h2 id="returns-heading">Monthly returns</h2>
      {phaseEnds ? (
        <p class="hint">
          Counted to {formatDay(phaseWindow.endsOn as string)}, where its phase's reporting ends.
        </p>
      ) : (
        window.applied &&
        window.endsOn && (
          <p class="hint">Counted to {formatDay(window.endsOn)}, where the programme's reporting ends.</p>
        )
      )}
      {compliance ? (
        <dl class="facts" data-testid="returns-compliance">
          <dt>Expected</dt>
          <dd>{formatCount(compliance.expected)}</dd>
          <dt>Submitted</dt>
          <dd>
            {formatCount(compliance.submitted)} ({formatCount(compliance.onTime)} on time,{' '}
            {formatCount(compliance.late)} late)
          </dd>
          <dt>Missing</dt>
          <dd>{formatCount(compliance.missing)}</dd>
          <dt>Compliance</dt>
          <dd>{formatPercent(compliance.compliancePercent)}</dd>
        </dl>
      ) : (
        <p>No returns are expected from this organisation at these bounds.</p>
      )}
      <DataTable
        caption="Returns submitted"
        testId="returns-submitted"
        rows={submitted}
        rowKey={(r) => r.period}
        columns={[
          { label: 'Month', value: (r) => r.period },
          { label: 'Submitted on', value: (r) => formatDay(r.submittedOn) },
        ]}
      />
    </section>
  );
}
