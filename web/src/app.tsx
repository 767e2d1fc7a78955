import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { ApiError } from './api/client.js';
import { AsOfPicker } from './components/as-of-picker.js';
import { LanguageSwitcher } from './components/language-switcher.js';
import { ErrorView, Loading } from './components/loadable.js';
import { UI_MESSAGES } from './i18n/index.js';
import { AppLink } from './lib/app-link.js';
import { useDataDefault } from './lib/data-default.js';
import { todayIso } from './lib/dates.js';
import { useFormatter, useOrganizationSummary } from './lib/org-data.js';
import { navigate, ORG_TABS, type OrgTab, orgPath, parseRoute, useLocation, useTitle } from './lib/router.js';
import { SessionProvider, useLocaleState, useSession } from './lib/session.js';
import { AdminPage } from './pages/admin-page.js';
import { AlertsPage } from './pages/alerts-page.js';
import { DataPage } from './pages/data-page.js';
import { GapsPage } from './pages/gaps-page.js';
import { HistoryPage } from './pages/history-page.js';
import { ImpactPage } from './pages/impact-page.js';
import { OrgListPage } from './pages/org-list-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { PlanPage } from './pages/plan-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// The forecast page carries recharts; it is loaded only when opened, keeping the first load small.
const ForecastPage = lazy(() => import('./pages/forecast-page.js'));

/** The dashboard: language first (the sign-in page is localized too), then the session, then the page. */
export function App() {
  const [locale, setLocale] = useLocaleState();
  const t = UI_MESSAGES[locale];
  return (
    <SessionProvider
      locale={locale}
      setLocale={setLocale}
      signIn={(submit, failed, busy) => (
        <Frame skip={t.skipToContent}>
          <header className="topbar">
            <span className="brand">{t.appName}</span>
            <div className="topbar-tools">
              <LanguageSwitcher locale={locale} label={t.language} onChange={setLocale} />
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            <SignInPage t={t} failed={failed} busy={busy} onSubmit={submit} />
          </main>
        </Frame>
      )}
      failure={(error, retry) => (
        <main id="main" className="notice notice-error" role="alert">
          <h1>{t.errorTitle}</h1>
          <p>{error instanceof Error ? error.message : String(error)}</p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </main>
      )}
    >
      <Shell />
    </SessionProvider>
  );
}

function Frame(props: { readonly skip: string; readonly children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {props.skip}
      </a>
      {props.children}
    </>
  );
}

function Shell() {
  const { t, me, locale, setLocale, signOut } = useSession();
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  // After an in-app navigation, focus moves to the new page's content, as it would on a page load.
  const firstPath = useRef<string | null>(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = null;
    document.getElementById('main')?.focus();
  }, [pathname]);
  return (
    <Frame skip={t.skipToContent}>
      <header className="topbar">
        <AppLink to="/" className="brand">
          {t.appName}
        </AppLink>
        {me.role === 'admin' && (
          <AppLink to="/admin" className="topbar-link" aria-current={route.page === 'admin' ? 'page' : undefined}>
            {t.navAdmin}
          </AppLink>
        )}
        {me.role === 'admin' && (
          <AppLink to="/program/impact" className="topbar-link" aria-current={route.page === 'impact' ? 'page' : undefined}>
            {t.navImpact}
          </AppLink>
        )}
        <div className="topbar-tools">
          <AsOfPicker />
          <LanguageSwitcher locale={locale} label={t.language} onChange={setLocale} />
          <span className="who" data-testid="who">
            {t.signedInAs(t.roleName(me.role), me.org)}
          </span>
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'home' && <Home />}
        {route.page === 'admin' && (me.role === 'admin' ? <AdminPage /> : <NotFound />)}
        {route.page === 'impact' && (me.role === 'admin' ? <ImpactPage /> : <NotFound />)}
        {route.page === 'alerts' && (me.role === 'admin' ? <AlertsPage org={null} /> : <NotFound />)}
        {route.page === 'org' && <OrgPage org={route.org} tab={route.tab} />}
        {route.page === 'not-found' && <NotFound />}
      </main>
    </Frame>
  );
}

function Home() {
  const { me } = useSession();
  const { search } = useLocation();
  // A partner or viewer has one organization: go straight to it.
  useEffect(() => {
    if (me.role !== 'admin' && me.org) navigate(`${orgPath(me.org)}${search}`, true);
  }, [me, search]);
  return me.role !== 'admin' && me.org ? <Loading /> : <OrgListPage />;
}

function NotFound() {
  const { t } = useSession();
  useTitle(t.notFoundTitle);
  return (
    <section className="notice">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <AppLink to="/">{t.back}</AppLink>
    </section>
  );
}

const TAB_LABEL = {
  overview: 'navOverview',
  gaps: 'navGaps',
  plan: 'navPlan',
  forecast: 'navForecast',
  data: 'navData',
  history: 'navHistory',
  alerts: 'navAlerts',
} as const satisfies Record<OrgTab, string>;

function OrgPage(props: { readonly org: string; readonly tab: OrgTab }) {
  const { t, asOf, dataDefault, asOfInUrl } = useSession();
  const f = useFormatter();
  // The name comes from the list of organizations: the organization file can be megabytes, and not every page needs it.
  const summary = useOrganizationSummary(props.org);
  // Without a date in the URL the pages wait for the organization's default day, rather than ask twice.
  const dated = useDataDefault(props.org, todayIso());
  const fromData = !asOfInUrl && dataDefault?.org === props.org && dataDefault.day !== null;
  if (summary.status === 'error') return <ErrorView error={summary.error} />;
  if (summary.status === 'ok' && !summary.data) return <ErrorView error={new ApiError(404, 'org.not-found', props.org)} />;
  // Until the list confirms the organization, its id from the URL is not shown as a title: a tab's own request may
  // be refused first, and the page would then show "Not found" under the id of an organization the token cannot see.
  const name = summary.status === 'ok' ? (summary.data?.name ?? props.org) : t.loading;
  return (
    <>
      <div className="org-header">
        <h1 data-testid="org-name">{name}</h1>
        <nav aria-label={t.navMain} className="tabs">
          {ORG_TABS.map((tab) => (
            <AppLink key={tab} to={orgPath(props.org, tab)} aria-current={tab === props.tab ? 'page' : undefined}>
              {t[TAB_LABEL[tab]]}
            </AppLink>
          ))}
        </nav>
      </div>
      {fromData && (
        <p className="notice" data-testid="as-of-default">
          {t.asOfLatestData(f.date(asOf))}
        </p>
      )}
      {!dated ? (
        <Loading />
      ) : (
        <>
          {props.tab === 'overview' && <OverviewPage org={props.org} />}
          {props.tab === 'gaps' && <GapsPage org={props.org} />}
          {props.tab === 'plan' && <PlanPage org={props.org} />}
          {props.tab === 'forecast' && (
            <Suspense fallback={<Loading />}>
              <ForecastPage org={props.org} />
            </Suspense>
          )}
          {props.tab === 'data' && <DataPage org={props.org} />}
          {props.tab === 'history' && <HistoryPage org={props.org} />}
          {props.tab === 'alerts' && <AlertsPage org={props.org} />}
        </>
      )}
    </>
  );
}
