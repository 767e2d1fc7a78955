/**
 * `attain/engine`: the catalog and the evaluation of one level or one organization, with no store, server or
 * integer program behind it (the whole program's evaluation under a competency cap is `attain/planner`'s).
 */
export type * from '../catalog/catalog-types.js';
export { compileCatalog } from '../catalog/compile-catalog.js';
export { loadCatalogFile } from '../catalog/load-catalog.js';
export { DEFAULT_CATALOG, loadShippedCatalog, SHIPPED_CATALOGS } from '../catalog/shipped-catalog.js';
export { type CatalogValidation, validateCatalog } from '../catalog/validate-catalog.js';
export { AttainError, type Issue, isAttainError } from '../core/attain-error.js';
export { type Day, dayOf, formatDay, parseDay } from '../core/day.js';
export { Decimal } from '../core/decimal.js';
export { type EvaluateOptions, evaluateLevel } from '../engine/evaluate.js';
export { createEvaluationContext, type EvaluationContext } from '../engine/evaluation-context.js';
export type * from '../engine/evaluation-types.js';
export type { Organization } from '../engine/organization.js';
export { type OrganizationRules, organizationRules, PROGRAM_2017_RULES } from '../engine/organization-rules.js';
export { parseOrganization } from '../engine/parse-organization.js';
