import { AttainError } from '../core/attain-error.js';
import type { JobDatabase } from './opened-database.js';

/**
 * Installs or upgrades graphile-worker's own tables beside the store's, so that a write can queue its job from the
 * moment the store opens. graphile-worker migrates under its own advisory lock, so processes opening one database
 * at once are safe.
 */
export async function migrateJobs(jobs: JobDatabase): Promise<void> {
  const { runMigrations, Logger } = await import('graphile-worker');
  try {
    await runMigrations({ pgPool: jobs.pgPool as never, schema: jobs.schema, logger: new Logger(() => () => undefined) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AttainError('store.migration.failed', `the job queue's tables could not be installed: ${reason}`, [
      { code: 'store.migration.failed', path: '$', params: { migration: 'graphile-worker', reason } },
    ]);
  }
}
