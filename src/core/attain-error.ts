/** One problem found in some input: a stable code, where it is, and the facts a message needs. */
export interface Issue {
  readonly code: string;
  /** JSON path into the input (`$.revenue[3].amount`) or a location in a catalog. */
  readonly path: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * The error every layer throws for a problem a user can fix. It carries a stable namespaced code and every issue
 * found, serializes to JSON, and leaves the choice of exit status or HTTP status to the adapter that catches it.
 */
export class AttainError extends Error {
  override readonly name = 'AttainError';

  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
    readonly file?: string,
  ) {
    super(message);
  }

  /** The error again from its JSON (`toJSON`), as it crosses a thread or an HTTP answer. */
  static fromJSON(json: { code: string; message: string; file?: string; issues?: readonly Issue[] }): AttainError {
    const issues = (json.issues ?? []).map(({ code, path, params }) => ({ code, path, params }));
    return new AttainError(json.code, json.message, issues, json.file);
  }

  toJSON(): { code: string; message: string; file?: string; issues: readonly Issue[] } {
    return { code: this.code, message: this.message, ...(this.file ? { file: this.file } : {}), issues: this.issues };
  }
}

export function isAttainError(value: unknown): value is AttainError {
  return value instanceof AttainError;
}
