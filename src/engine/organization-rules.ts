import type { Catalog } from '../catalog/catalog-types.js';
import { MARKETS } from './organization.js';

/**
 * What a catalog decides about reading an organization: the currency that needs no `fx` rate, and the markets an
 * organization may name. Plain data, so that it crosses to the threads that read organizations.
 */
export interface OrganizationRules {
  readonly currency: string;
  readonly markets: readonly string[];
}

/** The 2017 program's rules: what an organization is read by when the caller names no catalog. */
export const PROGRAM_2017_RULES: OrganizationRules = Object.freeze({ currency: 'USD', markets: MARKETS });

/** The rules of a catalog, copied out of it. */
export function organizationRules(catalog: Pick<Catalog, 'currency' | 'markets'>): OrganizationRules {
  return { currency: catalog.currency, markets: [...catalog.markets] };
}

/**
 * The rules as the library's readers take them. A bare currency is what they took before catalogs declared
 * markets, and means that currency with the 2017 program's markets, so that such callers read what they read then.
 */
export function rulesOf(rules: OrganizationRules | string): OrganizationRules {
  return typeof rules === 'string' ? { currency: rules, markets: MARKETS } : rules;
}
