import { AttainError } from '../../core/attain-error.js';
import type { Organization } from '../../engine/organization.js';
import { parseOrganization } from '../../engine/parse-organization.js';
import type { ImportContext } from '../incoming-records.js';

/**
 * Runs the organization file's own validator, so that imported records mean exactly what they mean in an
 * organization file, and reports its issues (with their `org.*` codes) as this import's, at the line and column of
 * each path in the text.
 */
export function validateOrganization(
  document: unknown,
  ctx: ImportContext,
  locate: (path: string) => { line?: number; column?: number },
  rewritePath: (path: string) => string = (path) => path,
): Organization {
  try {
    return parseOrganization(document, ctx.catalog.currency, ctx.file);
  } catch (error) {
    if (!(error instanceof AttainError)) throw error;
    for (const issue of error.issues) {
      const path = rewritePath(issue.path);
      ctx.issues.add(issue.code, path, { ...issue.params, ...(ctx.issues.listing ? locate(path) : {}) });
    }
    return ctx.issues.stop();
  }
}
