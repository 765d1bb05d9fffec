import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api/client';
import { explain } from './api/problem';
import { clearCredential, loadCredential, saveCredential } from './api/session';
import { SessionContext } from './app/context';
import { hrefOf, parseHash, sharedParams } from './app/route';
import type { Place } from './app/route';
import { BoundsForm } from './components/bounds-form';
import { Login } from './components/login';
import { ThrottleNotice } from './components/throttle-notice';
import { AlwaysEventPage } from './pages/always-event-page';
import { EvaluationPage } from './pages/evaluation-page';
import { EvaluationRecordsPage } from './pages/evaluation-records-page';
import { EvaluationsPage } from './pages/evaluations-page';
import { ImportsPage } from './pages/imports-page';
import { OrganisationPage } from './pages/organisation-page';
import { OrganisationsPage } from './pages/organisations-page';
import { ProgrammePage } from './pages/programme-page';
import { RegisterPage } from './pages/register-page';
import { WorklistPage } from './pages/worklist-page';

function usePlace(): [Place, (href: string) => void] {
  const [place, setPlace] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setPlace(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((href: string) => {
    location.hash = href;
  }, []);
  return [place, navigate];
}

export function App() {
  const [credential, setCredential] = useState(loadCredential);
  const [reason, setReason] = useState<string | null>(null);
  const signOut = useCallback((why: string | null) => {
    clearCredential();
    setCredential(null);
    setReason(why);
  }, []);
  const api = useMemo(
    () => (credential ? createApi(credential, (error) => signOut(explain(error).message)) : null),
    [credential, signOut],
  );
  if (!api) {
    return (
      <Login
        reason={reason}
        onSignIn={(value) => {
          saveCredential(value);
          setReason(null);
          setCredential(value);
        }}
      />
    );
  }
  return <Shell api={api} onSignOut={() => signOut(null)} />;
}

const PAGES = [
  { path: '/', label: 'Programme', page: 'programme' },
  { path: '/always-events', label: 'Always Events', page: 'register' },
  { path: '/organisations', label: 'Organisations', page: 'organisations' },
  { path: '/worklist', label: 'Worklist', page: 'worklist' },
  { path: '/imports', label: 'Imports', page: 'imports' },
  { path: '/evaluation', label: 'Evaluation', page: 'evaluation' },
  { path: '/evaluations', label: 'Evaluations', page: 'evaluations' },
] as const;

/** The page a detail page belongs to, for the menu and the title. */
const PARENT: Partial<Record<Place['route']['page'], string>> = {
  'always-event': 'register',
  organisation: 'organisations',
  'evaluation-records': 'evaluations',
};

function Shell({ api, onSignOut }: { api: ReturnType<typeof createApi>; onSignOut: () => void }) {
  const [place, navigate] = usePlace();
  const [refreshes, setRefreshes] = useState(0);
  const asOf = place.query.get('asOf') ?? '';
  const asKnownAt = place.query.get('asKnownAt') ?? '';
  const session = useMemo(
    () => ({ api, bounds: { asOf: asOf || undefined, asKnownAt: asKnownAt || undefined } }),
    [api, asOf, asKnownAt],
  );
  const current = PARENT[place.route.page] ?? place.route.page;
  useEffect(() => {
    document.title = `${PAGES.find((p) => p.page === current)?.label ?? 'Not found'} · Always Events dashboard`;
  }, [current]);

  return (
    <SessionContext.Provider value={session}>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="masthead">
        <p class="brand">Always Events</p>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <a
                  href={hrefOf(p.path, sharedParams(place.query))}
                  aria-current={p.page === current ? 'page' : undefined}
                >
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="secondary sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1} data-page={place.route.page}>
        <ThrottleNotice pause={api.pause} />
        <BoundsForm
          asOf={asOf}
          asKnownAt={asKnownAt}
          onApply={(bounds) =>
            navigate(
              hrefOf(place.path, {
                ...Object.fromEntries(place.query),
                asOf: bounds.asOf || undefined,
                asKnownAt: bounds.asKnownAt || undefined,
              }),
            )
          }
          onRefresh={() => setRefreshes((n) => n + 1)}
        />
        <div key={`${place.path}|${refreshes}`}>
          <Page place={place} navigate={navigate} />
        </div>
      </main>
    </SessionContext.Provider>
  );
}

function Page({ place, navigate }: { place: Place; navigate: (href: string) => void }) {
  const { route, query } = place;
  switch (route.page) {
    case 'programme':
      return <ProgrammePage />;
    case 'register':
      return <RegisterPage query={query} navigate={navigate} />;
    case 'always-event':
      return <AlwaysEventPage id={route.id} query={query} navigate={navigate} />;
    case 'evaluation':
      return <EvaluationPage query={query} />;
    case 'evaluations':
      return <EvaluationsPage query={query} navigate={navigate} />;
    case 'evaluation-records':
      return (
        <EvaluationRecordsPage id={route.id} records={route.records} query={query} navigate={navigate} />
      );
    case 'organisations':
      return <OrganisationsPage query={query} navigate={navigate} />;
    case 'organisation':
      return <OrganisationPage odsCode={route.odsCode} query={query} />;
    case 'worklist':
      return <WorklistPage query={query} navigate={navigate} />;
    case 'imports':
      return <ImportsPage />;
    case 'not-found':
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no page at {route.path}. <a href="#/">Go to the programme</a>.
          </p>
        </>
      );
  }
}
