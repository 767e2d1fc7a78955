import { existsSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type StoreFault, type StoreFaultCode, storeFault } from '../store-fault.js';

/** Free space the embedded store keeps in reserve by default: four of PostgreSQL's 16 MB WAL segments. */
export const DEFAULT_RESERVE_BYTES = 64 * 1024 * 1024;
/** How long a verdict on the directories' write access is reused: probing writes a file. */
const PROBE_MS = 1000;
const MB = 1024 * 1024;

/**
 * Keeps the embedded store from writing when its disk is nearly full or its files cannot be written. PGlite cannot
 * survive either: PostgreSQL inside it spins forever in `XLogFlush` once a commit cannot grow the write-ahead log (a
 * real PostgreSQL would restart), and a file it failed to create stays half-known to its file layer, so that every
 * later attempt fails with "File exists" until the process restarts. So writes are refused before PostgreSQL sees
 * them, as a store fault (`store.disk-full`, `store.read-only`), while reads go on; once space or access returns,
 * the next write goes through.
 */
export class StorageGuard {
  private verdict: { readonly at: number; readonly fault: (() => StoreFault) | undefined } | undefined;

  /**
   * @param dirs the directories the store writes in (the data directory and PostgreSQL's own, when it exists)
   * @param reserveBytes free space below which writes are refused
   */
  constructor(
    readonly dirs: readonly string[],
    readonly reserveBytes: number = DEFAULT_RESERVE_BYTES,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Throws a store fault unless a write of about `bytes` would leave the reserve free and the directories take new
   * files (probed at most once a second).
   */
  check(bytes = 0): void {
    this.checkSpace(bytes);
    const at = this.now();
    if (!this.verdict || at - this.verdict.at > PROBE_MS) this.verdict = { at, fault: this.probeFiles() };
    if (this.verdict.fault) throw this.verdict.fault();
  }

  /** The same check with the directories probed now: what readiness asks. */
  probe(): void {
    this.verdict = undefined;
    this.check();
  }

  private checkSpace(bytes: number): void {
    const dir = this.dirs[0] as string;
    const stats = statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    if (free - bytes >= this.reserveBytes) return;
    throw storeFault(
      'store.disk-full',
      `${dir}: ${free} bytes free, a write of about ${bytes} asked, ${this.reserveBytes} kept`,
      {
        dir,
        free: Math.floor(free / MB),
        reserve: Math.ceil(this.reserveBytes / MB),
      },
    );
  }

  /** A file created and removed in each directory: the one test of write access that holds for root and for ACLs. */
  private probeFiles(): (() => StoreFault) | undefined {
    for (const dir of this.dirs) {
      if (!existsSync(dir)) continue;
      const file = path.join(dir, `.attain-probe-${process.pid}`);
      try {
        writeFileSync(file, '');
        unlinkSync(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const fault: StoreFaultCode = code === 'ENOSPC' || code === 'EDQUOT' ? 'store.disk-full' : 'store.read-only';
        const detail = `${dir}: ${(error as Error).message}`;
        return () => storeFault(fault, detail, { dir });
      }
    }
    return undefined;
  }
}

/** Statements that only read (or only open and close transactions): never refused, so that reads work on a full disk. */
const READS =
  /^\s*(select|show|begin|start\s+transaction|commit|rollback|end|savepoint|release|set|reset|listen|unlisten|explain|values)\b/i;

/** Whether a statement may write, judged by its first word: anything but the statements above. */
export function mayWrite(sql: string): boolean {
  return !READS.test(sql);
}

/** About how many bytes a statement asks the disk for: its text and parameters, and as much again for the WAL and indexes. */
export function writeSize(sql: string, params: readonly unknown[] = [], blob?: Blob): number {
  let bytes = sql.length + (blob?.size ?? 0);
  for (const p of params) bytes += typeof p === 'string' ? p.length : Array.isArray(p) ? p.length * 32 : 16;
  return bytes * 3;
}
