import type { AttainError } from '../../core/attain-error.js';
import type { Locale } from '../../core/localized.js';
import { type LoadMember, LoadReader } from '../../importers/load-reader.js';
import {
  countOrganizations,
  formatPlace,
  type InputPlace,
  listOrganizationFiles,
} from '../../importers/read-organization-inputs.js';
import { renderError, renderIssues } from '../../render/render-error.js';
import { type LoadSummary, renderLoadLine, renderLoadProgress, renderLoadSummary } from '../../render/render-load.js';
import type { Actor, LoadBatchOutcome, Store } from '../../store/store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { loadThroughServer } from '../load-through-server.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

export const loadOptions: readonly OptionSpec[] = [dataDirOption, formatOption, langOption, catalogOption];

/** Organizations per transaction: the store's own batch size (see replace-organizations.ts). */
const BATCH = 500;
const PROGRESS_MS = 1000;
const ACTOR: Actor = { kind: 'cli', id: 'attain load' };

/** What became of one organization of the inputs, as `--format json` lists it. */
interface LoadResult {
  readonly file: string;
  readonly line?: number;
  readonly id: string | null;
  readonly status: 'created' | 'replaced' | 'refused' | 'failed';
  readonly batch?: number;
  readonly error?: ReturnType<AttainError['toJSON']>;
}

/**
 * `attain load FILE...`: many organizations into the store, each replaced whole, a batch of 500 per transaction.
 * A bad organization is refused and reported (with the codes, paths and lines `attain evaluate` gives) and the others
 * are loaded; exit status 0 when everything loaded, 2 when some organization was refused, 1 when a batch failed in
 * the database (the summary names the batches that landed).
 */
export async function loadCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, loadOptions);
  if (positionals.length === 0) throw usage('cli.arguments.missing', { command: 'load', usage: 'load FILE|DIR...' });
  const locale = chooseLocale(options.lang);
  const json = options.format === 'json';
  const files = await listOrganizationFiles(positionals);
  if (files.length === 0) throw usage('cli.load.no-files', { paths: positionals.join(', ') });
  const catalog = await loadCatalog(options.catalog);
  const started = performance.now();
  // Reading starts now, on its own thread: the first batch is parsed while the files are counted and the store opens.
  const reader = new LoadReader(files, catalog, BATCH);
  const run = new LoadRun(locale, json ? undefined : write);
  let total: number;
  try {
    total = await countOrganizations(files);
    const target = await openStoreOrServer(options);
    if (target.kind === 'store') await writeBatches(reader, target.store, run, total, locale);
    else {
      await reader.close();
      const progress = setInterval(() => process.stderr.write(renderLoadProgress(run.loaded, total, locale)), PROGRESS_MS);
      try {
        await loadThroughServer(target.client, files, catalog, BATCH, run);
      } finally {
        clearInterval(progress);
      }
    }
  } finally {
    await reader.close();
  }
  const summary: LoadSummary = { total, ...run.counts, seconds: (performance.now() - started) / 1000, batches: run.batches };
  if (json) write(`${JSON.stringify({ summary, organizations: run.results }, null, 2)}\n`);
  else write(renderLoadSummary(summary, locale));
  return summary.failed > 0 ? 1 : summary.refused > 0 ? 2 : 0;
}

/** Writes each batch the reader gives, a transaction each, with progress on stderr; then closes the store. */
async function writeBatches(reader: LoadReader, store: Store, run: LoadRun, total: number, locale: Locale): Promise<void> {
  const progress = setInterval(() => process.stderr.write(renderLoadProgress(run.loaded, total, locale)), PROGRESS_MS);
  try {
    for await (const event of reader.events()) {
      if (event.kind === 'refused') run.refuse(event.place, event.id, event.error);
      else if (event.kind === 'batch') run.landed(event.members, await store.writeLoadBatch(event.batch, ACTOR));
      else run.landed(event.members, event);
    }
  } finally {
    clearInterval(progress);
    await store.close();
  }
}

/** A load in progress: what became of each organization, and of each batch. */
class LoadRun {
  readonly results: LoadResult[] = [];
  readonly batches: { batch: number; landed: boolean; organizations: number }[] = [];
  readonly counts = { created: 0, replaced: 0, refused: 0, failed: 0 };

  constructor(
    private readonly locale: Locale,
    /** Where each organization's line goes as it is known; none for JSON, which is written whole at the end. */
    private readonly writeLine: ((text: string) => void) | undefined,
  ) {}

  get loaded(): number {
    return this.counts.created + this.counts.replaced;
  }

  refuse(place: InputPlace, id: string | null, error: AttainError): void {
    this.counts.refused++;
    this.record({ ...placeOf(place), id, status: 'refused', error: error.toJSON() });
    this.writeLine?.(renderLoadLine('refused', id ?? '', formatPlace(place), this.locale));
    this.writeLine?.(`${renderIssues(error, this.locale).join('\n') || renderError(error, this.locale).trimEnd()}\n`);
  }

  /** Reports each organization of a batch once the store has written it, or why it was not. */
  landed(members: readonly LoadMember[], outcome: LoadBatchOutcome): void {
    const batch = this.batches.length + 1;
    const created = new Set('created' in outcome ? outcome.created : []);
    members.forEach(({ place, id }, k) => {
      if ('error' in outcome) {
        this.counts.failed++;
        this.record({ ...placeOf(place), id, status: 'failed', batch, error: outcome.error.toJSON() });
        this.writeLine?.(renderLoadLine('failed', id, formatPlace(place), this.locale, batch));
        if (k === 0) this.writeLine?.(`${renderIssues(outcome.error, this.locale).join('\n')}\n`);
        return;
      }
      const status = created.has(id) ? 'created' : 'replaced';
      this.counts[status]++;
      this.record({ ...placeOf(place), id, status, batch });
      this.writeLine?.(renderLoadLine(status, id, formatPlace(place), this.locale, batch));
    });
    this.batches.push({ batch, landed: !('error' in outcome), organizations: members.length });
  }

  private record(result: LoadResult): void {
    // Kept for --format json only: a text report has already been written line by line.
    if (!this.writeLine) this.results.push(result);
  }
}

function placeOf(place: InputPlace): { readonly file: string; readonly line?: number } {
  return place.line === undefined ? { file: place.file } : { file: place.file, line: place.line };
}
