import type { SqlStore } from '../store/sql-store.js';
import type { OptionSpec } from './parse-args.js';

export const dataDirOption: OptionSpec = {
  name: 'data-dir',
  value: 'DIR',
  description: 'the embedded store (default ./attain-data); DATABASE_URL selects PostgreSQL instead',
};

/**
 * The store the command line names: PostgreSQL when DATABASE_URL is set (in the schema ATTAIN_DATABASE_SCHEMA when
 * that is set, so that several installations share one database), else PGlite in --data-dir.
 */
export async function openStoreOption(options: Readonly<Record<string, unknown>>): Promise<{ store: SqlStore; where: string }> {
  // Loaded here so that evaluate, plan and forecast never pay for the store's modules.
  const { openStore, DEFAULT_DATA_DIR } = await import('../store/open-store.js');
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const schema = process.env.ATTAIN_DATABASE_SCHEMA || undefined;
    const where = `PostgreSQL at ${redact(databaseUrl)}${schema ? `, schema ${schema}` : ''}`;
    return { store: await openStore({ databaseUrl, ...(schema !== undefined && { schema }) }), where };
  }
  const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : DEFAULT_DATA_DIR;
  return { store: await openStore({ dataDir }), where: `PGlite in ${dataDir}` };
}

/** A database URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
