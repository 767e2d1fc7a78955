/** Where the embedded store lives when neither a directory nor a database URL is given. */
export const DEFAULT_DATA_DIR = 'attain-data';
