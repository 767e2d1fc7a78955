import type { AssociationType } from '../../engine/organization.js';
import { columnKey } from '../csv-sheet.js';

/**
 * Partner Center's `PartnerAttributionType` values, compared as column names are (case, spaces, hyphens and
 * underscores do not matter: "CSP T1" is "csp-t1"), to the organization format's association types. Chosen so:
 * - DPOR, Digital Partner of Record: `dpor`.
 * - CSP T1, CSP T2 (direct-bill and indirect providers of Cloud Solution Provider), CSP, Transacting Partner (of
 *   Record), TPOR: `transacting-partner`, the partner that bills the customer through CSP. The indirect reseller of a
 *   CSP T2 sale is named on the same row; only the attribution matters here.
 * - PAL, Partner Admin Link: `pal`.
 * - CPOR, Claiming Partner of Record: `cpor`.
 * - Delegated Admin(istrator), DAP (delegated admin privileges), Admin Agent: `delegated-admin`.
 * - FastTrack, FastTrack Partner, FTP: `fasttrack`.
 * The export's exact spellings beyond "DPOR", "CSP T1" and "PAL" are not documented; these are the names Partner
 * Center uses for the associations. Any other value is an unknown reference, refused like an unknown product.
 */
const ATTRIBUTIONS: ReadonlyMap<string, AssociationType> = new Map(
  (
    [
      ['DPOR', 'dpor'],
      ['Digital Partner of Record', 'dpor'],
      ['CSP T1', 'transacting-partner'],
      ['CSP T2', 'transacting-partner'],
      ['CSP', 'transacting-partner'],
      ['Transacting Partner', 'transacting-partner'],
      ['Transacting Partner of Record', 'transacting-partner'],
      ['TPOR', 'transacting-partner'],
      ['PAL', 'pal'],
      ['Partner Admin Link', 'pal'],
      ['CPOR', 'cpor'],
      ['Claiming Partner of Record', 'cpor'],
      ['Delegated Admin', 'delegated-admin'],
      ['Delegated Administrator', 'delegated-admin'],
      ['DAP', 'delegated-admin'],
      ['Admin Agent', 'delegated-admin'],
      ['FastTrack', 'fasttrack'],
      ['FastTrack Partner', 'fasttrack'],
      ['FTP', 'fasttrack'],
    ] as const
  ).map(([name, type]) => [columnKey(name), type]),
);

/** The values `attributionType` knows, as a message lists them. */
export const KNOWN_ATTRIBUTIONS = 'DPOR, CSP T1, CSP T2, Transacting Partner, PAL, CPOR, Delegated Admin, FastTrack';

/** The association a `PartnerAttributionType` names, or undefined when it is none attain knows. */
export function attributionType(text: string): AssociationType | undefined {
  return ATTRIBUTIONS.get(columnKey(text));
}
