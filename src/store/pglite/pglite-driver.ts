import { CompiledQuery, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import type { ConnectionLock } from './connection-lock.js';
import type { PGliteClient } from './pglite-client.js';
import { PGliteConnection } from './pglite-connection.js';

/**
 * A driver over a single PGlite instance. PGlite is one PostgreSQL backend, so there is exactly one connection:
 * `acquireConnection` waits for its turn on the lock it shares with the job engine's pool. That is what keeps a Kysely transaction's
 * statements together: without the wait, a query from elsewhere in the process would run inside someone else's
 * transaction.
 */
export class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private release: (() => void) | undefined;

  constructor(
    private readonly client: PGliteClient,
    private readonly lock: ConnectionLock,
  ) {
    this.connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.lock.acquire();
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // The same statement Kysely's PostgreSQL driver sends; the settings are Kysely's validated enum values.
    const options = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode].filter(
      (o): o is string => Boolean(o),
    );
    await connection.executeQuery(CompiledQuery.raw(options.length > 0 ? `start transaction ${options.join(' ')}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    // Wait for the current holder, so that closing never cuts a transaction in half.
    await this.lock.idle();
    await this.client.close();
  }
}
