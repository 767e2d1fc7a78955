import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AttainError } from '../core/attain-error.js';
import { type OrganizationRules, organizationRules } from '../engine/organization-rules.js';
import type { LoadBatch } from '../store/load-batch.js';
import type { InputPlace } from './read-organization-inputs.js';

/** An organization of a batch: where it was read, and its id. */
export interface LoadMember {
  readonly place: InputPlace;
  readonly id: string;
}

/**
 * What reading the inputs of a bulk load gives, in input order: an organization refused before any write (bad, or
 * an id already read), or a batch of organizations encoded for one transaction. A batch whose encoding failed (a
 * slip in the code, not in the input) carries the error in place of its rows.
 */
export type LoadEvent =
  | { readonly kind: 'refused'; readonly place: InputPlace; readonly id: string | null; readonly error: AttainError }
  | { readonly kind: 'batch'; readonly members: readonly LoadMember[]; readonly batch: LoadBatch }
  | { readonly kind: 'unencodable'; readonly members: readonly LoadMember[]; readonly error: AttainError };

/** What the worker is given. */
export interface LoadWorkerData {
  readonly files: readonly string[];
  /** The catalog's rules for reading an organization. */
  readonly rules: OrganizationRules;
  readonly batchSize: number;
  /** Batches the worker may have ready before the first is taken. */
  readonly ahead: number;
}

type ErrorJson = ReturnType<AttainError['toJSON']>;

/** The worker's messages: events with their errors as JSON, then `done`. */
export type LoadWorkerMessage =
  | { readonly kind: 'refused'; readonly place: InputPlace; readonly id: string | null; readonly error: ErrorJson }
  | { readonly kind: 'batch'; readonly members: readonly LoadMember[]; readonly batch: LoadBatch }
  | { readonly kind: 'unencodable'; readonly members: readonly LoadMember[]; readonly error: ErrorJson }
  | { readonly kind: 'done' };

/** What the reader tells the worker: a batch was taken, so one more may be made ready. */
export const TAKEN = 'taken';

/** Batches read ahead of the one being written: enough to smooth out uneven batches, few enough to bound memory. */
const AHEAD = 2;

/**
 * Reads, validates and encodes the organizations of the files on a worker thread, `batchSize` to a batch, from the
 * moment it is made, while the caller writes the batches it has already been given: parsing the next batch overlaps
 * writing this one (and the first overlaps whatever the caller does before it asks). The worker reads as
 * `readOrganizationInputs` does (the same errors, places and order), refuses an id already read, and keeps at most a
 * couple of batches ready, so that a load of any size takes the memory of a few batches.
 */
export class LoadReader {
  private readonly worker: Worker;
  private readonly queue: LoadWorkerMessage[] = [];
  private failure: unknown;
  private exited = false;
  private wake: (() => void) | undefined;

  constructor(files: readonly string[], rules: OrganizationRules, batchSize: number) {
    const workerData: LoadWorkerData = { files, rules: organizationRules(rules), batchSize, ahead: AHEAD };
    this.worker = new Worker(workerFile(), { workerData });
    this.worker.on('message', (message: LoadWorkerMessage) => {
      this.queue.push(message);
      this.notify();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.notify();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  /** What the inputs hold, in input order; a batch is taken when the loop asks for the next event. */
  async *events(): AsyncGenerator<LoadEvent> {
    for (;;) {
      const message = this.queue.shift();
      if (message === undefined) {
        if (this.failure !== undefined) throw this.failure;
        if (this.exited) throw new Error('load: the reading thread ended before the inputs did');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      if (message.kind === 'done') return;
      if (message.kind === 'refused') yield { ...message, error: AttainError.fromJSON(message.error) };
      else {
        yield message.kind === 'batch' ? message : { ...message, error: AttainError.fromJSON(message.error) };
        this.worker.postMessage(TAKEN);
      }
    }
  }

  /** Ends the worker, whether or not it is done. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }
}

/**
 * The worker's entry file. Threads run compiled JavaScript: from dist/ this is the sibling file; when this module
 * runs from its TypeScript source (the tests), it is the build's copy, so `npm run build` must have run.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./load-worker.js', import.meta.url));
  return fileURLToPath(new URL('../../dist/importers/load-worker.js', import.meta.url));
}
