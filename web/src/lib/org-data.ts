import { useMemo } from 'react';
import { Formatter } from '../../../src/render/formatter.js';
import type { Evaluation, OrganizationDocument, OrganizationSummary } from '../api/types.js';
import { useSession } from './session.js';
import { useResource } from './use-resource.js';

export function orgApi(org: string, rest = ''): string {
  return `/api/orgs/${encodeURIComponent(org)}${rest}`;
}

/** The organization file (people, customers, revenue), for names and the data tables. */
export function useOrganization(org: string) {
  return useResource<OrganizationDocument>(orgApi(org));
}

/**
 * The organization's summary (name, counts) from the list of organizations the token can see: small where the
 * organization file can be megabytes. `undefined` data means the token cannot see it.
 */
export function useOrganizationSummary(org: string) {
  const list = useResource<{ organizations: readonly OrganizationSummary[] }>('/api/orgs');
  return list.status === 'ok' ? { ...list, data: list.data.organizations.find((o) => o.id === org) } : list;
}

/** The evaluation as of the session's date. */
export function useEvaluation(org: string) {
  const { asOf } = useSession();
  return useResource<Evaluation>(orgApi(org, '/evaluation'), { asOf });
}

/** Person names by id, for every place a person is mentioned. */
export function personNames(document: OrganizationDocument | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const p of document?.people ?? []) if (p.name) names.set(p.id, p.name);
  return names;
}

/** The CLI's formatter in the session's language, with the catalog's names and the organization's people. */
export function useFormatter(document?: OrganizationDocument): Formatter {
  const { locale, catalog } = useSession();
  const names = useMemo(() => personNames(document), [document]);
  return useMemo(() => new Formatter(locale, catalog, names), [locale, catalog, names]);
}
