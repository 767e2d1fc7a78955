import { readFile } from 'node:fs/promises';
import { AttainError } from '../core/attain-error.js';
import { decodeUtf8 } from '../core/decode-utf8.js';
import { readStructuredFile } from '../core/read-structured-file.js';
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
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AttainError(
      'input.unreadable',
      `${file}: cannot read the file (${reason})`,
      [{ code: 'input.unreadable', path: '$', params: { reason } }],
      file,
    );
  }
  const { value, locate } = await readStructuredFile(file, decodeUtf8(bytes, file));
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
