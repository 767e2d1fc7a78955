/** One problem found in some input: a stable code, where it is, and the facts a message needs. */
export interface Issue {
  readonly code: string;
  /** JSON path into the input (`$.revenue[3].amount`) or a location in a catalog. */
  readonly path: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Problems of one cause, counted over the whole input (not only the listed ones): an import's "unknown product
 * 'X': 524 rows". `params` are the first occurrence's, without its line and column; `lines` the first few.
 */
export interface IssueGroup {
  readonly code: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly count: number;
  readonly lines: readonly number[];
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
    /** The issues by cause, with exact counts; only imports group them. */
    readonly groups?: readonly IssueGroup[],
  ) {
    super(message);
  }

  /** The error again from its JSON (`toJSON`), as it crosses a thread or an HTTP answer. */
  static fromJSON(json: {
    code: string;
    message: string;
    file?: string;
    issues?: readonly Issue[];
    groups?: readonly IssueGroup[];
  }): AttainError {
    const issues = (json.issues ?? []).map(({ code, path, params }) => ({ code, path, params }));
    return new AttainError(json.code, json.message, issues, json.file, json.groups);
  }

  toJSON(): { code: string; message: string; file?: string; issues: readonly Issue[]; groups?: readonly IssueGroup[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.file ? { file: this.file } : {}),
      issues: this.issues,
      ...(this.groups ? { groups: this.groups } : {}),
    };
  }
}

export function isAttainError(value: unknown): value is AttainError {
  return value instanceof AttainError;
}
