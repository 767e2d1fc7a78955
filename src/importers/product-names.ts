import type { Catalog } from '../catalog/catalog-types.js';
import { remembered } from '../core/remembered.js';

const indexes = new WeakMap<Catalog, ReadonlyMap<string, string>>();

/** How export product names are compared: case and runs of spaces do not matter ("Dynamics 365 for  sales"). */
export function productNameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The catalog's product registry by the names vendor exports use (`matches`), to product ids. Built once per
 * catalog: a compiled catalog is immutable.
 */
export function productNameIndex(catalog: Catalog): ReadonlyMap<string, string> {
  let index = indexes.get(catalog);
  if (!index) {
    const names = new Map<string, string>();
    for (const product of catalog.products.values()) {
      for (const name of product.matches) names.set(productNameKey(name), product.id);
    }
    index = names;
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Resolves a product as attain's own files name it: a product id or alias (kept as written, like the organization
 * file), or else a name from a vendor export (turned into the product's id). Undefined when the catalog has neither.
 */
export class ProductResolver {
  private readonly cache = new Map<string, string | null>();
  private readonly exportCache = new Map<string, string | null>();
  private readonly names: ReadonlyMap<string, string>;
  private readonly byName = (text: string) => this.names.get(productNameKey(text));
  private readonly lookUp = (text: string) => (this.catalog.findProduct(text) ? text : this.byName(text));

  constructor(private readonly catalog: Catalog) {
    this.names = productNameIndex(catalog);
  }

  resolve(text: string): string | undefined {
    return remembered(this.cache, text, this.lookUp);
  }

  /** A product named in an export, by its `matches` names only. */
  byExportName(text: string): string | undefined {
    return remembered(this.exportCache, text, this.byName);
  }
}
