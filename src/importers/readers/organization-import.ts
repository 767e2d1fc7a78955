import type { Organization } from '../../engine/organization.js';
import type { ImportContext } from '../incoming-records.js';
import { addLocated, type StructuredText } from '../structured-text.js';
import { checkOrganization } from './check-organization.js';

/**
 * A whole organization file (JSON or YAML), which replaces the organization. The organization is named by the
 * caller (the URL or the command line), so the file's `id` may be left out and is then that name; an `id` that names
 * another organization refuses the file, since it is most likely the wrong file.
 */
export function readOrganizationImport(source: StructuredText, ctx: ImportContext): Organization {
  const { value } = source;
  let document = value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (id === undefined || id === null) document = { ...value, id: ctx.orgId };
    else if (String(id) !== ctx.orgId) {
      addLocated(
        ctx.issues,
        [{ code: 'import.org.id-mismatch', path: '$.id', params: { value: String(id), expected: ctx.orgId } }],
        source.locate,
      );
      ctx.issues.stop();
    }
  }
  const { organization, issues } = checkOrganization(document, ctx.catalog);
  addLocated(ctx.issues, issues, source.locate);
  return organization ?? ctx.issues.stop();
}
