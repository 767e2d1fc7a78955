import { AttainError } from '../../core/attain-error.js';
import type { Locale } from '../../core/localized.js';
import type { Organization } from '../../engine/organization.js';
import {
  countOrganizations,
  formatPlace,
  type InputPlace,
  listOrganizationFiles,
  readOrganizationInputs,
} from '../../importers/read-organization-inputs.js';
import { renderError, renderIssues } from '../../render/render-error.js';
import { type LoadSummary, renderLoadLine, renderLoadProgress, renderLoadSummary } from '../../render/render-load.js';
import type { Actor, Store } from '../../store/store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOption } from '../store-option.js';

export const loadOptions: readonly OptionSpec[] = [dataDirOption, formatOption, langOption, catalogOption];

/** Organizations per store call, and so per transaction: the store's own batch size (see replace-organizations.ts). */
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
  if (positionals.length === 0) throw usage('load needs organization files or directories: attain load FILE...');
  const locale = chooseLocale(options.lang);
  const json = options.format === 'json';
  const files = await listOrganizationFiles(positionals);
  if (files.length === 0) throw usage(`no organization files (.json, .yaml, .yml, .ndjson, .jsonl) in ${positionals.join(', ')}`);
  const catalog = await loadCatalog(options.catalog);
  const total = await countOrganizations(files);
  const { store } = await openStoreOption(options);
  const started = performance.now();
  const run = new LoadRun(store, locale, json ? undefined : write);
  const progress = setInterval(() => process.stderr.write(renderLoadProgress(run.loaded, total, locale)), PROGRESS_MS);
  try {
    for await (const input of readOrganizationInputs(files, catalog.currency)) {
      if ('error' in input) run.refuse(input.place, null, input.error);
      else await run.add(input.place, input.organization);
    }
    await run.flush();
  } finally {
    clearInterval(progress);
    await store.close();
  }
  const summary: LoadSummary = { total, ...run.counts, seconds: (performance.now() - started) / 1000, batches: run.batches };
  if (json) write(`${JSON.stringify({ summary, organizations: run.results }, null, 2)}\n`);
  else write(renderLoadSummary(summary, locale));
  return summary.failed > 0 ? 1 : summary.refused > 0 ? 2 : 0;
}

/** A load in progress: the batch being gathered, the places of the ids seen, and what became of each organization. */
class LoadRun {
  readonly results: LoadResult[] = [];
  readonly batches: { batch: number; landed: boolean; organizations: number }[] = [];
  readonly counts = { created: 0, replaced: 0, refused: 0, failed: 0 };
  private pending: { readonly place: InputPlace; readonly organization: Organization }[] = [];
  private readonly seen = new Map<string, InputPlace>();

  constructor(
    private readonly store: Store,
    private readonly locale: Locale,
    /** Where each organization's line goes as it is known; none for JSON, which is written whole at the end. */
    private readonly writeLine: ((text: string) => void) | undefined,
  ) {}

  get loaded(): number {
    return this.counts.created + this.counts.replaced;
  }

  async add(place: InputPlace, organization: Organization): Promise<void> {
    const first = this.seen.get(organization.id);
    if (first) {
      this.refuse(place, organization.id, duplicate(organization.id, place, first));
      return;
    }
    this.seen.set(organization.id, place);
    this.pending.push({ place, organization });
    if (this.pending.length >= BATCH) await this.flush();
  }

  refuse(place: InputPlace, id: string | null, error: AttainError): void {
    this.counts.refused++;
    this.record({ ...placeOf(place), id, status: 'refused', error: error.toJSON() });
    this.writeLine?.(renderLoadLine('refused', id ?? '', formatPlace(place), this.locale));
    this.writeLine?.(`${renderIssues(error, this.locale).join('\n') || renderError(error, this.locale).trimEnd()}\n`);
  }

  /** Writes the gathered batch in one store call (one transaction), and reports each of its organizations. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const members = this.pending;
    this.pending = [];
    const batch = this.batches.length + 1;
    const outcomes = await this.store.replaceOrganizations(
      members.map((m) => m.organization),
      ACTOR,
      { batchSize: members.length },
    );
    let landed = true;
    outcomes.forEach((outcome, k) => {
      const place = (members[k] as (typeof members)[number]).place;
      if (outcome.status === 'refused') {
        this.refuse(place, outcome.id, outcome.error);
        return;
      }
      if (outcome.status === 'failed') landed = false;
      this.counts[outcome.status]++;
      const error = outcome.status === 'failed' ? { error: outcome.error.toJSON() } : {};
      this.record({ ...placeOf(place), id: outcome.id, status: outcome.status, batch, ...error });
      this.writeLine?.(renderLoadLine(outcome.status, outcome.id, formatPlace(place), this.locale, batch));
      if (outcome.status === 'failed' && k === 0) this.writeLine?.(`${renderIssues(outcome.error, this.locale).join('\n')}\n`);
    });
    this.batches.push({ batch, landed, organizations: members.length });
  }

  private record(result: LoadResult): void {
    // Kept for --format json only: a text report has already been written line by line.
    if (!this.writeLine) this.results.push(result);
  }
}

function placeOf(place: InputPlace): { readonly file: string; readonly line?: number } {
  return place.line === undefined ? { file: place.file } : { file: place.file, line: place.line };
}

/** The later of two organizations with one id: refused, naming both places. */
function duplicate(id: string, place: InputPlace, first: InputPlace): AttainError {
  const params = { id, first: formatPlace(first), ...(place.line !== undefined && { line: place.line }) };
  return new AttainError(
    'load.duplicate',
    `${formatPlace(place)}: organization "${id}" is already loaded from ${formatPlace(first)}`,
    [{ code: 'load.duplicate', path: '$.id', params }],
    place.file,
  );
}
