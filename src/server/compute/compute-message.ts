import type { OrganizationDocument } from '../../engine/organization-document.js';
import type { TaskName } from './compute-tasks.js';

/**
 * Where a pool's threads get their catalog: a shipped catalog by id, a catalog file by path (validated in the
 * thread), or an already validated catalog document. Each thread loads it once, on its first task.
 */
export type CatalogSource = { readonly shipped: string } | { readonly file: string } | { readonly document: unknown };

/** One task as it crosses to a worker thread: nothing but plain JSON. */
export interface ComputeRequest {
  readonly task: TaskName;
  readonly organization: OrganizationDocument;
  readonly params: unknown;
}

/**
 * What comes back. A user's error (an unknown target, …) is data here rather than a thrown error: a thrown error
 * is cloned across threads without its code and issues.
 */
export type ComputeReply =
  | { readonly ok: true; readonly json: string }
  | {
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string; readonly issues: readonly unknown[] };
    };
