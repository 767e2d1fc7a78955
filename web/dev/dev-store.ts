/**
 * The real store the dashboard is developed and tested against: PGlite in a directory, holding the example
 * organizations, a token per development name, and (when asked) the program run as of a day by the real jobs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { RawCatalog } from '../../src/catalog/catalog-schema.js';
import type { Catalog } from '../../src/catalog/catalog-types.js';
import { compileCatalog } from '../../src/catalog/compile-catalog.js';
import { readOrganizationFile } from '../../src/importers/read-organization-file.js';
import type { Rules } from '../../src/jobs/reevaluate.js';
import { runToCompletion } from '../../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../../src/program/catalog-fingerprint.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import type { Role } from '../../src/store/store.js';

// Paths, not `new URL`: the page tests' DOM replaces the global URL with one fileURLToPath refuses.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The example organizations `npm start` evaluates. */
export const SEEDS = [join(ROOT, 'examples/contoso-dynamics.json'), join(ROOT, 'examples/fabrikam-ops.yaml')] as const;
/** The built catalog (`npm run build`), served as `/api/catalog`. */
export const CATALOG_FILE = join(ROOT, 'dist/catalogs/mpn-2017.json');
const SYSTEM = { kind: 'system', id: 'dev' } as const;

/** Development tokens by name: what the tests and the sign-in form use; each names a real token of the store. */
export const DEV_TOKENS: Readonly<Record<string, { readonly role: Role; readonly org: string | null }>> = {
  'dev-admin': { role: 'admin', org: null },
  'dev-contoso': { role: 'partner', org: 'contoso' },
  'dev-fabrikam': { role: 'partner', org: 'fabrikam' },
  'dev-viewer': { role: 'viewer', org: 'contoso' },
};

/** The catalog as the server gets it: compiled, its document, and the rules the jobs evaluate with. */
export function devCatalog(): { readonly catalog: Catalog; readonly document: RawCatalog; readonly rules: Rules } {
  const document = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as RawCatalog;
  const catalog = compileCatalog(document);
  return { catalog, document, rules: { catalog, fingerprint: catalogFingerprint(catalog) } };
}

/**
 * Creates the store in `dataDir` with the examples and the development tokens; with `programAsOf`, the program is run
 * as of that day, to the end, by the jobs. Returns each development token's real secret, by name.
 */
export async function seedDevStore(
  dataDir: string,
  options: { readonly programAsOf: string | null },
): Promise<Readonly<Record<string, string>>> {
  const { rules } = devCatalog();
  const store = (await openStore({ dataDir })) as SqlStore;
  try {
    for (const file of SEEDS) await store.replaceOrganization(await readOrganizationFile(file), SYSTEM);
    const secrets: Record<string, string> = {};
    for (const [name, token] of Object.entries(DEV_TOKENS)) {
      secrets[name] = (await store.createToken({ ...token, label: name }, SYSTEM)).secret;
    }
    if (options.programAsOf !== null) {
      const run = await store.program.startRun({ kind: 'run', asOf: options.programAsOf, catalog: rules.fingerprint });
      await runToCompletion(store, rules, run.id);
    }
    return secrets;
  } finally {
    await store.close();
  }
}

/** Jobs still queued or running: an import's or a replacement's re-evaluation, a run's chunks. */
export async function queuedJobs(store: SqlStore): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(`${store.jobs.schema}._private_jobs`)} where attempts < max_attempts`.execute(
    store.db,
  );
  return rows[0]?.n ?? 0;
}
