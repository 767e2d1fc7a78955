import { createRequire } from 'node:module';

/** attain's version, as package.json states it: the one place it is written. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
