import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { AttainError, type Issue } from '../src/core/attain-error.js';
import type { Organization } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import type { ImportKind } from '../src/importers/import-kinds.js';
import type { ImportPlan } from '../src/importers/import-plan.js';
import { planImport } from '../src/importers/plan-import.js';

export const catalog: Catalog = await loadShippedCatalog();

/** The example organization the sample import files are written for. */
export const contoso: Organization = parseOrganization(JSON.parse(readFileSync('examples/contoso-dynamics.json', 'utf8')));

export function sample(name: string): string {
  return readFileSync(`examples/imports/${name}`, 'utf8');
}

export interface PlanOptions {
  readonly existing?: Organization | undefined;
  readonly kind?: ImportKind;
  readonly file?: string;
  readonly orgId?: string;
  readonly skipInvalid?: boolean;
}

export function plan(text: string, options: PlanOptions = {}): ImportPlan {
  const existing = 'existing' in options ? options.existing : contoso;
  return planImport({
    existing,
    orgId: options.orgId ?? existing?.id ?? 'contoso',
    text,
    catalog,
    ...(options.kind && { kind: options.kind }),
    ...(options.file && { file: options.file }),
    ...(options.skipInvalid && { skipInvalid: true }),
  });
}

/** The refusal's last word when the bad rows could be left out: asserted where it matters, left out elsewhere. */
const SKIPPABLE = 'import.rows.skippable';

/** The issues of the `import.invalid` error an import throws, but the skippable hint; fails without a refusal. */
export function issuesOf(text: string, options: PlanOptions = {}): readonly Issue[] {
  return refusalOf(text, options).issues.filter((i) => i.code !== SKIPPABLE);
}

/** The `import.invalid` error an import throws; fails the test when it does not throw one. */
export function refusalOf(text: string, options: PlanOptions = {}): AttainError {
  try {
    plan(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    expect((error as AttainError).code).toBe('import.invalid');
    return error as AttainError;
  }
  throw new Error('the import was expected to be refused');
}

/** An issue as `code path line:column`, the way a user reads it. */
export function where(issue: Issue): string {
  const { line, column } = issue.params;
  return `${issue.code} ${issue.path} ${line ?? '-'}:${column ?? '-'}`;
}

/** Every organization an import produces must be a valid organization file. */
export function expectValid(organization: Organization): void {
  const document = JSON.parse(JSON.stringify(organizationDocument(organization)));
  expect(() => parseOrganization(document, catalog.currency)).not.toThrow();
}
