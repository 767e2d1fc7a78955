import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog-types.js';

/**
 * The catalog's identity as `id@hash` of everything that decides results (policy, exams, products, competencies),
 * so that a stored standing knows whether the rules changed since it was computed, even under the same id.
 */
export function catalogFingerprint(catalog: Catalog): string {
  const content = JSON.stringify(
    {
      policy: catalog.policy,
      markets: catalog.markets,
      currency: catalog.currency,
      exams: [...catalog.exams.entries()],
      products: [...catalog.products.entries()],
      competencies: catalog.competencies,
    },
    (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value),
  );
  return `${catalog.id}@${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}
