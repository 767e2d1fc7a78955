/**
 * The few members of a PGlite instance the dialect uses. Typing them here, rather than importing PGlite's class,
 * keeps the WASM bundle out of every module that only needs the type, and lets tests pass a stand-in.
 */
export interface PGliteClient {
  query<R>(
    sql: string,
    params?: readonly unknown[],
    options?: { readonly rowMode?: 'object'; readonly blob?: Blob },
  ): Promise<{ readonly rows: R[]; readonly affectedRows?: number; readonly command?: string }>;
  close(): Promise<void>;
}
