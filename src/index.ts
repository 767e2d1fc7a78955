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
export { type EvaluateOptions, evaluateLevel } from './engine/evaluate.js';
export { createEvaluationContext, type EvaluationContext } from './engine/evaluation-context.js';
export type * from './engine/evaluation-types.js';
export { cheapestCompletion, formulaTerms, satisfies } from './engine/exam-formula.js';
export { assignPool, type Deficiency, type PoolAssignment } from './engine/matching/assign-pool.js';
export { MARKETS, type Market, type Organization } from './engine/organization.js';
export { type OrganizationRules, organizationRules, PROGRAM_2017_RULES } from './engine/organization-rules.js';
export { parseOrganization } from './engine/parse-organization.js';
export { readOrganizationFile } from './importers/read-organization-file.js';
/**
 * Evaluates every competency, option and level of the catalog for one organization under the whole program
 * policy, as `attain evaluate` and the API do: when the policy caps how many competencies one person may count
 * toward (`maxCompetenciesPerPerson`), levels are decided together. Asynchronous, since that decision is an integer
 * program solved in WebAssembly; without a cap it is the plain evaluation of each level.
 */
export { evaluateJointly as evaluate } from './planner/evaluate-jointly.js';
export { renderError } from './render/render-error.js';
export { renderEvaluationText } from './render/render-text.js';
