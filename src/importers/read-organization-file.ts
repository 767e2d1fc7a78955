import { AttainError } from '../core/attain-error.js';
import { readStructuredFile, readTextFile } from '../core/read-structured-file.js';
import type { Organization } from '../engine/organization.js';
import { type OrganizationRules, PROGRAM_2017_RULES } from '../engine/organization-rules.js';
import { parseOrganization } from '../engine/parse-organization.js';

/**
 * Reads an organization file (JSON or YAML) and validates it by the catalog's rules (the 2017 program's when
 * absent); every problem names the file and the JSON path.
 */
export async function readOrganizationFile(
  file: string,
  rules: OrganizationRules | string = PROGRAM_2017_RULES,
): Promise<Organization> {
  const { value, locate } = await readStructuredFile(file, await readTextFile(file));
  try {
    return parseOrganization(value, rules, file);
  } catch (error) {
    if (error instanceof AttainError) {
      const issues = error.issues.map((i) => ({ ...i, params: { ...i.params, ...locate(i.path) } }));
      throw new AttainError(error.code, error.message, issues, file);
    }
    throw error;
  }
}
