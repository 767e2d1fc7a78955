/** `attain/store`: the store on PGlite or PostgreSQL, and the program's stored standings, transitions and runs. */

export type * from '../alerts/alert-types.js';
export type * from '../store/alert-store.js';
export { DEFAULT_DATA_DIR, type OpenStoreOptions, openStore } from '../store/open-store.js';
export type * from '../store/program-store.js';
export type { SqlStore } from '../store/sql-store.js';
export type * from '../store/store.js';
