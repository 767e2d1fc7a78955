import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import type { ConnectionLock } from './connection-lock.js';
import type { PGliteClient } from './pglite-client.js';
import { PGliteDriver } from './pglite-driver.js';

/**
 * Kysely over PGlite (PostgreSQL compiled to WASM). PGlite speaks PostgreSQL's SQL, so the compiler, adapter
 * (transactional DDL, advisory-lock migrations) and introspector are PostgreSQL's; only the driver is new.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly client: PGliteClient,
    private readonly lock: ConnectionLock,
  ) {}

  createDriver(): Driver {
    return new PGliteDriver(this.client, this.lock);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
