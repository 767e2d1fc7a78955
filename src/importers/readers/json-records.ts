import type { Issue } from '../../core/attain-error.js';
import { MAX_ROWS, rowsIssue } from '../../core/row-limit.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { addLocated, type StructuredText } from '../structured-text.js';
import { checkOrganization } from './check-organization.js';

/** The organization file's field whose records each JSON import kind holds. */
const FIELDS = { exams: 'people', customers: 'customers', revenue: 'revenue' } as const;
export type JsonRecordKind = keyof typeof FIELDS;

/**
 * A JSON array of the organization file's records: people with their exams (and their expiry), customers with their
 * country, DPOR periods and other associations, or revenue records (with their attribution). They are validated by the organization file's own validator, so a record means exactly what it
 * means there; paths are reported from the array (`$[3].amount`). Revenue rules are as for the revenue CSV: a known
 * customer, a currency with a rate, a product of the registry.
 */
export function readJsonRecords(kind: JsonRecordKind, source: StructuredText, ctx: ImportContext): IncomingRecords {
  const { issues } = ctx;
  const { value } = source;
  if (!Array.isArray(value)) {
    return issues.fail('import.json.shape', '$', { expected: 'array', actual: value === null ? 'null' : typeof value });
  }
  if (value.length > MAX_ROWS) {
    const issue = rowsIssue('$');
    issues.fail(issue.code, issue.path, issue.params);
  }
  const existing = ctx.existing;
  // The market is not what is imported here, only what lets the records be checked: one the catalog knows.
  const market = existing && ctx.catalog.markets.includes(existing.market) ? existing.market : ctx.catalog.markets[0];
  const document = {
    id: ctx.orgId,
    market,
    [FIELDS[kind]]: value,
    // Revenue is checked against the organization's customers and exchange rates.
    ...(kind === 'revenue' && {
      customers: existing?.customers.map((c) => ({ id: c.id })) ?? [],
      fx: Object.fromEntries([...(existing?.fx ?? [])].map(([currency, rate]) => [currency, rate.toString()])),
    }),
  };
  const found: Issue[] = [];
  // Products are checked on the records as written, so that their problems are listed with every other one.
  const products = new ProductResolver(ctx.catalog);
  const resolved: (string | undefined)[] = [];
  if (kind === 'exams') {
    // As in the exams CSV: an exam the registry does not know could never count.
    for (let i = 0; i < value.length; i++) {
      const exams = field(value[i], 'exams');
      if (!Array.isArray(exams)) continue;
      for (let j = 0; j < exams.length; j++) {
        const exam = field(exams[j], 'exam');
        if (typeof exam === 'string' && exam.trim() !== '' && ctx.catalog.findExam(exam) === undefined)
          found.push({ code: 'import.exam.unknown', path: `$[${i}].exams[${j}].exam`, params: { value: exam } });
      }
    }
  }
  if (kind === 'revenue') {
    for (let i = 0; i < value.length; i++) {
      const record: unknown = value[i];
      const product = field(record, 'product');
      if (typeof product !== 'string' || product.trim() === '') continue;
      resolved[i] = products.resolve(product);
      if (resolved[i] === undefined)
        found.push({ code: 'import.product.unknown', path: `$[${i}].product`, params: { value: product } });
    }
  }
  const prefix = `$.${FIELDS[kind]}`;
  const checked = checkOrganization(document, ctx.catalog, (path) =>
    path.startsWith(prefix) ? `$${path.slice(prefix.length)}` : path,
  );
  // In the order of the records, whichever check found them, so that the first problems listed are the first ones.
  const all = [...found, ...checked.issues].map((issue, i) => ({ issue, i, at: recordIndex(issue.path) }));
  all.sort((a, b) => a.at - b.at || a.i - b.i);
  // Each record is a row: one with a problem can be left out (`skipInvalid`), the others imported.
  addLocated(
    issues,
    all.map((x) => x.issue),
    source.locate,
    (path) => {
      const at = recordIndex(path);
      return at >= 0 ? at : undefined;
    },
  );
  const organization = checked.organization;
  if (!organization || issues.count > 0) return issues.stop();
  const rows = value.length;
  if (kind === 'exams') {
    return {
      ...emptyIncoming('replace'),
      rows,
      people: organization.people.map((p) => ({
        id: p.id,
        name: p.name,
        ...(p.mcid !== undefined && { mcid: p.mcid }),
        ...(p.email !== undefined && { email: p.email }),
      })),
      exams: organization.people.flatMap((p) => p.exams.map((e) => ({ person: p.id, ...e }))),
    };
  }
  if (kind === 'customers') {
    return {
      ...emptyIncoming('replace'),
      rows,
      customers: organization.customers.map((c) => ({
        id: c.id,
        name: c.name,
        ...(c.country !== undefined && { country: c.country }),
      })),
      dpor: organization.customers.flatMap((c) => c.dpor.map((d) => ({ customer: c.id, from: d.from, to: d.to }))),
      associations: organization.customers.flatMap((c) => (c.associations ?? []).map((a) => ({ customer: c.id, ...a }))),
    };
  }
  // An export name ("Dynamics 365 for Sales") becomes its product's id; ids and aliases stay as written.
  const revenue = organization.revenue.map((r, i) => {
    const product = resolved[i] ?? r.product;
    return product === r.product ? r : { ...r, product };
  });
  return { ...emptyIncoming('replace'), rows, revenue };
}

const RECORD_INDEX = /^\$\[(\d+)\]/;

function recordIndex(path: string): number {
  const match = RECORD_INDEX.exec(path);
  return match ? Number(match[1]) : -1;
}

function field(record: unknown, name: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[name] : undefined;
}
