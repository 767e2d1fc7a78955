import type { Pool, PoolClient } from 'pg';
import type { JobDatabase } from '../store/opened-database.js';

/** A job locked this recently may belong to a worker that is still taking its liveness lock. */
const GRACE_SECONDS = 5;
/** How often a worker process looks for jobs of dead workers. */
export const SWEEP_MS = 5_000;

/**
 * Gives back the jobs of workers that died mid-job (SIGKILL, a lost machine). graphile-worker itself would leave such
 * a job locked for four hours before another worker may take it; evaluation jobs are idempotent, so attain hands them
 * back within seconds, through graphile-worker's own `force_unlock_workers`.
 *
 * How a dead worker is told from a slow one: on PostgreSQL each worker process holds, on a connection of its own, a
 * session advisory lock per graphile-worker id for as long as it lives. PostgreSQL drops a session's locks when its
 * process dies, so a locked job whose worker's advisory lock can be taken belongs to a dead worker. On the embedded
 * store one process holds the store, so every job still locked when it starts was locked by a process now dead.
 */
export class DeadWorkers {
  /** The connection that holds this process's liveness locks, taken on the first claim. */
  private held: Promise<PoolClient> | undefined;

  constructor(private readonly jobs: JobDatabase) {}

  /** Marks a graphile-worker id as this live process's. */
  async claim(workerId: string): Promise<void> {
    if (this.jobs.exclusive) return;
    this.held ??= (this.jobs.pgPool as Pool).connect();
    await (await this.held).query('select pg_advisory_lock(hashtextextended($1, 0))', [workerId]);
  }

  /** Unlocks the jobs of dead workers; returns how many workers were found dead. */
  async sweep(): Promise<number> {
    const pool = this.jobs.pgPool as Pool;
    const schema = `"${this.jobs.schema.replaceAll('"', '""')}"`;
    const client = await pool.connect();
    try {
      const grace = this.jobs.exclusive ? '' : `and locked_at < now() - interval '${GRACE_SECONDS} seconds'`;
      const locked = await client.query<{ locked_by: string }>(
        `select distinct locked_by from ${schema}.jobs where locked_by is not null ${grace}`,
      );
      const dead: string[] = [];
      for (const { locked_by: id } of locked.rows) {
        if (this.jobs.exclusive) {
          dead.push(id);
          continue;
        }
        const taken = await client.query<{ free: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as free', [id]);
        if (!taken.rows[0]?.free) continue;
        dead.push(id);
        await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [id]);
      }
      if (dead.length > 0) await client.query(`select ${schema}.force_unlock_workers($1::text[])`, [dead]);
      return dead.length;
    } finally {
      client.release();
    }
  }

  /** Lets go of the liveness locks: this process's workers have stopped. */
  async release(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    // Closed rather than returned to the pool: the locks go with the session.
    (await held)?.release(true);
  }
}
