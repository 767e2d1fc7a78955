import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Catalog } from '../../../src/catalog/catalog-types.js';
import { compileCatalog } from '../../../src/catalog/compile-catalog.js';
import { isLocale, type Locale } from '../../../src/core/localized.js';
import { MESSAGES, type Messages } from '../../../src/render/messages.js';
import { ApiClient } from '../api/client.js';
import type { Me, RawCatalog } from '../api/types.js';
import { UI_MESSAGES, type UiMessages } from '../i18n/index.js';
import { isIsoDay, todayIso } from './dates.js';
import { ResourceCache } from './resource-cache.js';
import { setQueryParam, useLocation } from './router.js';

const TOKEN_KEY = 'attain.token';
const LOCALE_KEY = 'attain.locale';

/** Everything a page needs to know about who is signed in, in which language, as of which day. */
export interface Session {
  readonly me: Me;
  readonly api: ApiClient;
  readonly cache: ResourceCache;
  readonly catalog: Catalog;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  /**
   * The as-of date of every evaluation, from the URL (`?asOf=`); without one, the organization's latest day with data
   * when today has none (`dataDefault`), else today.
   */
  readonly asOf: string;
  readonly setAsOf: (day: string) => void;
  /** Whether the URL names the as-of date: then no default applies. */
  readonly asOfInUrl: boolean;
  /** The default an organization's page chose from its data, when one applies (see `useDataDefault`). */
  readonly dataDefault: DataDefault | null;
  readonly setDataDefault: (value: DataDefault | null) => void;
  readonly signOut: () => void;
  /** The dashboard's own words and the CLI's messages, in the chosen language. */
  readonly t: UiMessages;
  readonly m: Messages;
}

/** The as-of date an organization's page starts at when the URL names none: `day` null means today. */
export interface DataDefault {
  readonly org: string;
  readonly day: string | null;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

/** The language before anyone chose: the remembered choice, else the browser's, else English. */
export function initialLocale(stored: string | null, browser: readonly string[]): Locale {
  if (stored && isLocale(stored)) return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-TW';
    if (lower.startsWith('ko')) return 'ko-KR';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage can be disabled; the choice then lasts for this page only.
  }
}

/** The language the page is in, remembered in the browser, and reflected in `<html lang>`. */
export function useLocaleState(): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(readStorage(LOCALE_KEY), navigator.languages ?? []));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    writeStorage(LOCALE_KEY, next);
    setLocaleState(next);
  }, []);
  return [locale, setLocale];
}

type Boot =
  | { readonly state: 'signed-out'; readonly failed: boolean }
  | { readonly state: 'loading' }
  | {
      readonly state: 'ready';
      readonly me: Me;
      readonly catalog: Catalog;
      readonly api: ApiClient;
      readonly cache: ResourceCache;
    }
  | { readonly state: 'error'; readonly error: unknown };

/**
 * Signs in with a token (checked with `GET /api/me`), loads the catalog once, and provides the session to the pages.
 * Renders `signIn` until a token is accepted.
 */
export function SessionProvider(props: {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly signIn: (submit: (token: string) => void, failed: boolean, busy: boolean) => ReactNode;
  readonly failure: (error: unknown, retry: () => void) => ReactNode;
  readonly children: ReactNode;
}) {
  const { locale, setLocale } = props;
  const [token, setToken] = useState<string | null>(() => readStorage(TOKEN_KEY));
  const [boot, setBoot] = useState<Boot>(() => (token ? { state: 'loading' } : { state: 'signed-out', failed: false }));
  const [attempt, setAttempt] = useState(0);
  const { search } = useLocation();

  const signOut = useCallback(() => {
    writeStorage(TOKEN_KEY, null);
    setToken(null);
    setBoot({ state: 'signed-out', failed: false });
  }, []);

  useEffect(() => {
    if (!token) return;
    let live = true;
    let accepted = false;
    // A 401 after the token was accepted means it was revoked: sign out. While it is being checked, the check's own
    // failure below says it was refused; a second 401 from the same check must not clear that.
    const api = new ApiClient(token, () => {
      if (live && accepted) signOut();
    });
    setBoot({ state: 'loading' });
    void attempt;
    Promise.all([api.get<Me>('/api/me'), api.get<RawCatalog>('/api/catalog')]).then(
      ([me, raw]) => {
        if (!live) return;
        accepted = true;
        writeStorage(TOKEN_KEY, token);
        setBoot({ state: 'ready', me, catalog: compileCatalog(raw), api, cache: new ResourceCache() });
      },
      (error: unknown) => {
        if (!live) return;
        const status = (error as { status?: number }).status;
        if (status === 401) {
          writeStorage(TOKEN_KEY, null);
          setToken(null);
          setBoot({ state: 'signed-out', failed: true });
        } else setBoot({ state: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [token, attempt, signOut]);

  const [dataDefault, setDataDefault] = useState<DataDefault | null>(null);
  const asOfParam = new URLSearchParams(search).get('asOf');
  const asOfInUrl = isIsoDay(asOfParam);
  const asOf = isIsoDay(asOfParam) ? asOfParam : (dataDefault?.day ?? todayIso());
  const session = useMemo<Session | null>(
    () =>
      boot.state === 'ready'
        ? {
            me: boot.me,
            api: boot.api,
            cache: boot.cache,
            catalog: boot.catalog,
            locale,
            setLocale,
            asOf,
            setAsOf: (day: string) => setQueryParam('asOf', isIsoDay(day) ? day : null),
            asOfInUrl,
            dataDefault,
            setDataDefault,
            signOut,
            t: UI_MESSAGES[locale],
            m: MESSAGES[locale],
          }
        : null,
    [boot, locale, setLocale, asOf, asOfInUrl, dataDefault, signOut],
  );

  if (boot.state === 'signed-out' || (boot.state === 'loading' && !token))
    return props.signIn((next) => setToken(next.trim()), boot.state === 'signed-out' && boot.failed, false);
  if (boot.state === 'loading') return props.signIn(() => {}, false, true);
  if (boot.state === 'error') return props.failure(boot.error, () => setAttempt((n) => n + 1));
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
