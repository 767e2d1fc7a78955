import { AttainError, type Issue } from '../../core/attain-error.js';
import type { Organization } from '../../engine/organization.js';
import type { OrganizationRules } from '../../engine/organization-rules.js';
import { parseOrganization } from '../../engine/parse-organization.js';

/**
 * Runs the organization file's own validator, so that imported records mean exactly what they mean in an
 * organization file. Returns its issues (with their `org.*` codes) instead of throwing, so that the import can list
 * them with its own.
 */
export function checkOrganization(
  document: unknown,
  rules: OrganizationRules,
  rewritePath: (path: string) => string = (path) => path,
): { readonly organization?: Organization; readonly issues: readonly Issue[] } {
  try {
    return { organization: parseOrganization(document, rules), issues: [] };
  } catch (error) {
    if (!(error instanceof AttainError)) throw error;
    return { issues: error.issues.map((issue) => ({ ...issue, path: rewritePath(issue.path) })) };
  }
}
