/**
 * attain as a library: load a catalog, read an organization, evaluate it, render the result.
 * Adapters (CLI, and later the store, importers, server and dashboard) are built on exactly these.
 */
export type * from './catalog/catalog-types.js';
export { compileCatalog } from './catalog/compile-catalog.js';
export { examKey } from './catalog/exam-code.js';
export { findLevel, type LocatedLevel, versionAt } from './catalog/find-level.js';
export { loadCatalogFile } from './catalog/load-catalog.js';
export { DEFAULT_CATALOG, loadShippedCatalog, SHIPPED_CATALOGS } from './catalog/shipped-catalog.js';
export { type CatalogValidation, validateCatalog } from './catalog/validate-catalog.js';
export { AttainError, type Issue, isAttainError } from './core/attain-error.js';
export { type Day, dayOf, formatDay, oneYearBefore, parseDay } from './core/day.js';
export { Decimal } from './core/decimal.js';
export { LOCALES, type Locale, type Localized } from './core/localized.js';
export { type EvaluateOptions, evaluate, evaluateLevel } from './engine/evaluate.js';
export { createEvaluationContext, type EvaluationContext } from './engine/evaluation-context.js';
export type * from './engine/evaluation-types.js';
export { cheapestCompletion, formulaTerms, satisfies } from './engine/exam-formula.js';
export { assignPool, type Deficiency, type PoolAssignment } from './engine/matching/assign-pool.js';
export { MARKETS, type Market, type Organization } from './engine/organization.js';
export { parseOrganization } from './engine/parse-organization.js';
export { readOrganizationFile } from './importers/read-organization-file.js';
export { renderError } from './render/render-error.js';
export { renderEvaluationText } from './render/render-text.js';
