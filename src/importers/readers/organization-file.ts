import type { Organization } from '../../engine/organization.js';
import type { ImportContext } from '../incoming-records.js';
import { pathLocator } from '../structured-text.js';
import { validateOrganization } from './validate-organization.js';

/**
 * A whole organization file (JSON or YAML), which replaces the organization. The organization is named by the
 * caller (the URL or the command line), so the file's `id` may be left out and is then that name; an `id` that names
 * another organization refuses the file, since it is most likely the wrong file.
 */
export function readOrganizationFile(value: unknown, text: string, ctx: ImportContext): Organization {
  const locate = pathLocator(text);
  let document = value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (id === undefined || id === null) document = { ...value, id: ctx.orgId };
    else if (String(id) !== ctx.orgId) {
      ctx.issues.fail('import.org.id-mismatch', '$.id', { value: String(id), expected: ctx.orgId, ...locate('$.id') });
    }
  }
  return validateOrganization(document, ctx, locate);
}
