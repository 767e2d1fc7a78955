import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AttainError } from '../../core/attain-error.js';

const LOCK_FILE = 'store.lock';

/**
 * Takes the data directory for this process, or throws `store.locked`. PGlite is a whole PostgreSQL server inside
 * the process and takes no lock of its own: two processes opening one directory would each cache and write the
 * same files, and corrupt them. The lock file holds the owner's pid; a lock whose process is gone (killed) is
 * stale and taken over. The file is written whole before it appears (link of a complete temporary file), so a
 * reader never sees it half-written. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const temporary = path.join(dir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(temporary, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temporary, file);
        return () => release(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder !== undefined && isRunning(holder)) {
        throw new AttainError(
          'store.locked',
          `${dir} is in use by process ${holder}; close it first (or delete ${file} if that process is not attain)`,
          [{ code: 'store.locked', path: '$', params: { dir, pid: holder } }],
        );
      }
      removeIfPresent(file);
    }
    throw new AttainError('store.locked', `${dir}: could not take the lock ${file}`, [
      { code: 'store.locked', path: '$', params: { dir } },
    ]);
  } finally {
    removeIfPresent(temporary);
  }
}

function release(file: string): void {
  if (readHolder(file) === process.pid) removeIfPresent(file);
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
