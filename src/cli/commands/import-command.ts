import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../catalog/catalog-types.js';
import { isAttainError } from '../../core/attain-error.js';
import { readTextFile } from '../../core/read-structured-file.js';
import { IMPORT_KINDS, type ImportKind } from '../../importers/import-kinds.js';
import { type ImportReport, renderImportText } from '../../render/render-import.js';
import type { SqlStore } from '../../store/sql-store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { phaseLine } from '../progress-line.js';
import type { ServerClient } from '../server-client.js';
import { dataDirOf, dataDirOption, openStoreOrServer } from '../store-option.js';

export const importOptions: readonly OptionSpec[] = [
  { name: 'org', value: 'ID', description: 'the organization to import into' },
  {
    name: 'kind',
    value: 'KIND',
    description: `${IMPORT_KINDS.slice(0, -1).join(', ')} or ${IMPORT_KINDS.at(-1)} (default: from the header)`,
  },
  { name: 'dry-run', description: 'show what would change, write nothing' },
  {
    name: 'skip-invalid',
    description: 'leave out the rows with problems and import the others, listing what was left out (default: refuse the file)',
  },
  dataDirOption,
  formatOption,
  langOption,
  catalogOption,
];

const ACTOR = { kind: 'cli', id: 'attain import' } as const;

/**
 * `attain import FILE --org ID`: all or nothing, idempotent; `--dry-run` shows the changes first, `--skip-invalid`
 * leaves out the bad rows instead of refusing the file. On a terminal it says which phase it is in: the first import
 * into a new store spends most of its time creating the store, which looked like a hang.
 */
export async function importCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, importOptions);
  const file = positionals[0] ?? '';
  if (file === '' || typeof options.org !== 'string')
    throw usage('cli.arguments.missing', { command: 'import', usage: 'import FILE --org ID' });
  const org = options.org;
  const { IMPORT_KINDS, isImportKind } = await import('../../importers/import-kinds.js');
  const given = options.kind;
  if (given !== undefined && (typeof given !== 'string' || !isImportKind(given))) {
    throw usage('cli.option.choice', { option: 'kind', value: String(given), choices: IMPORT_KINDS.join(', ') });
  }
  const kind = given as ImportKind | undefined;
  const json = options.format === 'json';
  const phase = phaseLine();
  const dryRun = options['dry-run'] === true;
  const skipInvalid = options['skip-invalid'] === true;
  let output: ImportReport;
  try {
    phase('reading', file);
    const text = await readTextFile(file);
    const catalog = await loadCatalog(options.catalog);
    const dataDir = dataDirOf(options);
    if (process.env.DATABASE_URL) phase('opening', 'PostgreSQL');
    else phase(existsSync(path.join(dataDir, 'pgdata')) ? 'opening' : 'creating', dataDir);
    const target = await openStoreOrServer(options);
    output = target.kind === 'server' ? await viaServer(target.client, text) : await onStore(target.store, text, catalog);
  } catch (error) {
    phase.end();
    // Asked for JSON, a refusal is JSON too, with every listed row and every cause counted.
    if (!json || !isAttainError(error) || error.code !== 'import.invalid') throw error;
    write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    return 2;
  } finally {
    // However it ended, the phase line is ended before anything else is written (ending twice writes once).
    phase.end();
  }
  write(json ? `${JSON.stringify(output, null, 2)}\n` : renderImportText(output, org, chooseLocale(options.lang)));
  return 0;

  /** The server plans and applies it, exactly as an upload. */
  async function viaServer(client: ServerClient, text: string): Promise<ImportReport> {
    const route = `/api/orgs/${encodeURIComponent(org)}/imports/${kind ?? 'auto'}`;
    const query = { dryRun, name: path.basename(file), ...(skipInvalid && { skipInvalid: 'true' }) };
    phase('server', client.where);
    return client.json<ImportReport>('POST', route, { query, text, type: 'text/plain; charset=utf-8' });
  }

  async function onStore(store: SqlStore, text: string, catalog: Catalog): Promise<ImportReport> {
    try {
      const { importIntoStore } = await import('../../service/import-into-store.js');
      const input = { orgId: org, ...(kind && { kind }), text, file, catalog, skipInvalid };
      const plan = await importIntoStore(store, input, { actor: ACTOR, dryRun, detail: { file }, onPhase: phase });
      const { organization: _, additions: __, ...report } = plan;
      return { ...report, dryRun };
    } finally {
      await store.close();
    }
  }
}
