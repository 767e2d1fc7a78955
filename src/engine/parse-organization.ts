import { AttainError, type Issue } from '../core/attain-error.js';
import type { Day } from '../core/day.js';
import { dayRangeIssue, readDay } from '../core/day-range.js';
import { Decimal } from '../core/decimal.js';
import { issueParams, type ReportIssue } from '../core/message-params.js';
import { MAX_ORGANIZATION_ID_CHARS } from '../core/organization-id.js';
import { amountRangeIssue, readAmount } from '../core/read-amount.js';
import { MAX_ROWS, rowsIssue } from '../core/row-limit.js';
import { shownParams } from '../core/shown-value.js';
import {
  ASSOCIATION_TYPES,
  type Association,
  type AssociationType,
  type ConsumptionRecord,
  type Customer,
  type DeviceShipment,
  type ExamPass,
  type Market,
  type Organization,
  type Period,
  type Person,
  type RevenueRecord,
  type Subscription,
} from './organization.js';
import { type OrganizationRules, PROGRAM_2017_RULES, rulesOf } from './organization-rules.js';

type Json = Record<string, unknown>;

/** At most this many problems are listed, then how many there were. */
const MAX_LISTED = 1000;

/**
 * Validates an organization document (already parsed from JSON or YAML) and converts it. Collects every problem
 * with its JSON path, then throws one `AttainError` (`org.invalid`) listing them; nothing is half-read.
 *
 * @param given the catalog's currency, which needs no `fx` rate, and its markets (a catalog will do); the 2017
 *   program's when absent, and its markets when only a currency is given
 */
export function parseOrganization(
  document: unknown,
  given: OrganizationRules | string = PROGRAM_2017_RULES,
  file?: string,
): Organization {
  const rules = rulesOf(given);
  const baseCurrency = rules.currency;
  const issues: Issue[] = [];
  let total = 0;
  const report: ReportIssue = (code, path, ...[params = {}]) => {
    total++;
    if (issues.length < MAX_LISTED) issues.push({ code, path, params: shownParams(issueParams(params)) });
  };
  const reader = new FieldReader(report);

  if (!isObject(document)) {
    report('org.type', '$', { expected: 'object', actual: typeName(document) });
    throw invalid(issues, total, file);
  }
  const id = reader.string(document, 'id', '$', true);
  if (id !== undefined && id.length > MAX_ORGANIZATION_ID_CHARS) {
    report('org.id.too-long', '$.id', { length: id.length, max: MAX_ORGANIZATION_ID_CHARS });
  }
  const name = reader.string(document, 'name', '$', false) ?? null;
  const country = reader.string(document, 'country', '$', false) ?? null;
  const market = reader.string(document, 'market', '$', true);
  if (market !== undefined && !rules.markets.includes(market)) {
    report('org.enum', '$.market', { expected: rules.markets.join('|'), actual: market });
  }

  const fx = new Map<string, Decimal>();
  const rawFx = document.fx;
  if (rawFx !== undefined && rawFx !== null) {
    if (!isObject(rawFx)) report('org.type', '$.fx', { expected: 'object', actual: typeName(rawFx) });
    else {
      for (const currency of Object.keys(rawFx)) {
        if (currency.includes('\u0000')) report('input.nul', '$.fx', {});
        const rate = reader.decimal(rawFx, currency, '$.fx');
        if (rate && !rate.isNegative() && !rate.isZero()) fx.set(currency.toUpperCase(), rate);
        else if (rate) report('org.fx.invalid', `$.fx.${currency}`, { value: rate.toString() });
      }
    }
  }

  const people = reader.array(document, 'people', '$').map((p, i): Person => {
    const path = `$.people[${i}]`;
    if (!isObject(p)) return badRecord(report, path, p, { id: '', name: null, exams: [] });
    const exams = reader.array(p, 'exams', path).map((e, j): ExamPass => {
      const examPath = `${path}.exams[${j}]`;
      if (!isObject(e)) return badRecord(report, examPath, e, { exam: '', passed: 0 });
      const passed = reader.day(e, 'passed', examPath) ?? 0;
      const expires = reader.optionalDay(e, 'expires', examPath);
      if (expires !== undefined && expires < passed) {
        report('org.period.reversed', `${examPath}.expires`, { from: String(e.passed), to: String(e.expires) });
      }
      return {
        exam: reader.string(e, 'exam', examPath, true) ?? '',
        passed,
        ...(expires !== undefined && { expires }),
      };
    });
    const mcid = reader.string(p, 'mcid', path, false)?.trim();
    const email = readEmail(reader.string(p, 'email', path, false), `${path}.email`, report);
    return {
      id: reader.id(p, path),
      name: reader.string(p, 'name', path, false) ?? null,
      ...(mcid !== undefined && mcid !== '' && { mcid }),
      ...(email !== undefined && { email }),
      exams,
    };
  });
  checkUnique(people, '$.people', report);
  checkUniqueMcid(people, report);

  const customers = reader.array(document, 'customers', '$').map((c, i): Customer => {
    const path = `$.customers[${i}]`;
    if (!isObject(c)) {
      return badRecord(report, path, c, { id: '', name: null, dpor: [] });
    }
    const dpor = reader.array(c, 'dpor', path).map((d, j) => reader.period(d, `${path}.dpor[${j}]`));
    const associations: Association[] = [];
    reader.array(c, 'associations', path).forEach((a, j) => {
      const associationPath = `${path}.associations[${j}]`;
      const period = reader.period(a, associationPath);
      const type = isObject(a) ? reader.association(a, 'type', associationPath, true) : undefined;
      // DPOR written among the other associations means the same as in `dpor`.
      if (type === 'dpor') dpor.push(period);
      else if (type !== undefined) associations.push({ type, ...period });
    });
    const country = reader.string(c, 'country', path, false);
    return {
      id: reader.id(c, path),
      name: reader.string(c, 'name', path, false) ?? null,
      ...(country !== undefined && { country }),
      dpor,
      ...(associations.length > 0 && { associations }),
    };
  });
  checkUnique(customers, '$.customers', report);
  const customerIds = new Set(customers.map((c) => c.id));

  const revenue = reader.array(document, 'revenue', '$').map((r, i): RevenueRecord => {
    const path = `$.revenue[${i}]`;
    if (!isObject(r)) {
      return badRecord(report, path, r, {
        customer: '',
        product: '',
        date: 0,
        amount: Decimal.ZERO,
        currency: baseCurrency,
        netNew: true,
      });
    }
    const customer = readCustomer(r, path);
    const netNew = r.netNew === undefined ? true : r.netNew;
    if (typeof netNew !== 'boolean') report('org.type', `${path}.netNew`, { expected: 'boolean', actual: typeName(netNew) });
    const attribution = reader.association(r, 'attribution', path, false);
    return {
      customer,
      product: reader.string(r, 'product', path, true) ?? '',
      date: reader.day(r, 'date', path) ?? 0,
      amount: reader.decimal(r, 'amount', path) ?? Decimal.ZERO,
      currency: readCurrency(r, path),
      netNew: netNew === true,
      ...(attribution !== undefined && { attribution }),
    };
  });

  const subscriptions = reader.array(document, 'subscriptions', '$').map((s, i): Subscription => {
    const path = `$.subscriptions[${i}]`;
    const empty = { id: null, customer: '', product: '', seats: 0, from: 0, to: null, trial: false };
    if (!isObject(s)) return badRecord(report, path, s, empty);
    const trial = s.trial ?? false;
    if (typeof trial !== 'boolean') report('org.type', `${path}.trial`, { expected: 'boolean', actual: typeName(trial) });
    return {
      id: s.id === undefined || s.id === null ? null : reader.id(s, path),
      customer: readCustomer(s, path),
      product: reader.string(s, 'product', path, true) ?? '',
      seats: reader.count(s, 'seats', path),
      ...reader.period(s, path),
      trial: trial === true,
    };
  });
  checkUnique(
    subscriptions.flatMap((s) => (s.id === null ? [] : [{ id: s.id }])),
    '$.subscriptions',
    report,
  );

  const consumption = reader.array(document, 'consumption', '$').map((c, i): ConsumptionRecord => {
    const path = `$.consumption[${i}]`;
    if (!isObject(c)) {
      return badRecord(report, path, c, { customer: '', date: 0, amount: Decimal.ZERO, currency: baseCurrency });
    }
    const service = reader.string(c, 'service', path, false);
    return {
      customer: readCustomer(c, path),
      date: reader.day(c, 'date', path) ?? 0,
      amount: reader.decimal(c, 'amount', path) ?? Decimal.ZERO,
      currency: readCurrency(c, path),
      ...(service !== undefined && { service }),
    };
  });

  const devices = reader.array(document, 'devices', '$').map((d, i): DeviceShipment => {
    const path = `$.devices[${i}]`;
    if (!isObject(d)) return badRecord(report, path, d, { product: '', date: 0, units: 0 });
    return {
      product: reader.string(d, 'product', path, true) ?? '',
      date: reader.day(d, 'date', path) ?? 0,
      units: reader.count(d, 'units', path),
    };
  });

  if (total > 0) throw invalid(issues, total, file);
  return {
    id: id as string,
    name,
    market: market as Market,
    country,
    people,
    customers,
    revenue,
    subscriptions,
    consumption,
    devices,
    fx,
  };

  function readCustomer(record: Json, path: string): string {
    const customer = reader.string(record, 'customer', path, true) ?? '';
    if (customer && !customerIds.has(customer)) report('org.customer.unknown', `${path}.customer`, { customer });
    return customer;
  }

  function readCurrency(record: Json, path: string): string {
    const currency = (reader.string(record, 'currency', path, true) ?? baseCurrency).toUpperCase();
    if (currency !== baseCurrency && !fx.has(currency)) report('org.fx.missing', `${path}.currency`, { currency });
    return currency;
  }
}

/** Reads typed fields, reporting a precise issue for each missing or mistyped one. */
class FieldReader {
  private readonly days = new Map<string, ReturnType<typeof readDay>>();

  constructor(private readonly report: ReportIssue) {}

  string(obj: Json, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.report('org.required', `${path}.${key}`, { field: key });
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report('org.type', `${path}.${key}`, { expected: 'string', actual: typeName(value) });
      return undefined;
    }
    if (required && value.trim() === '') {
      this.report('org.required', `${path}.${key}`, { field: key });
      return undefined;
    }
    // No store keeps a NUL in text (PostgreSQL refuses it), and no name or id means one.
    if (value.includes('\u0000')) {
      this.report('input.nul', `${path}.${key}`, {});
      return undefined;
    }
    return value;
  }

  /** Ids may be written as numbers in hand-made files; they are kept as strings. */
  id(obj: Json, path: string): string {
    const value = obj.id;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    return this.string(obj, 'id', path, true) ?? '';
  }

  day(obj: Json, key: string, path: string): Day | undefined {
    const text = this.string(obj, key, path, true);
    if (text === undefined) return undefined;
    let day = this.days.get(text);
    if (day === undefined) {
      day = readDay(text);
      this.days.set(text, day);
    }
    if (day === 'invalid') this.report('org.date.invalid', `${path}.${key}`, { value: text });
    else if (day === 'out-of-range') {
      const issue = dayRangeIssue(`${path}.${key}`, text);
      this.report(issue.code, issue.path, issue.params);
    } else return day;
    return undefined;
  }

  optionalDay(obj: Json, key: string, path: string): Day | undefined {
    return obj[key] === undefined || obj[key] === null ? undefined : this.day(obj, key, path);
  }

  /** A period with both ends inclusive; `to` may be absent (still open). */
  period(value: unknown, path: string): Period {
    if (!isObject(value)) return badRecord(this.report, path, value, { from: 0, to: null });
    const from = this.day(value, 'from', path) ?? 0;
    const to = this.optionalDay(value, 'to', path) ?? null;
    if (to !== null && to < from) {
      this.report('org.period.reversed', `${path}.to`, { from: String(value.from), to: String(value.to) });
    }
    return { from, to };
  }

  association(obj: Json, key: string, path: string, required: boolean): AssociationType | undefined {
    const text = this.string(obj, key, path, required);
    if (text === undefined) return undefined;
    const type = ASSOCIATION_TYPES.find((t) => t === text);
    if (type === undefined) this.report('org.enum', `${path}.${key}`, { expected: ASSOCIATION_TYPES.join('|'), actual: text });
    return type;
  }

  /** A whole number of seats or units, zero or more. */
  count(obj: Json, key: string, path: string): number {
    const value = obj[key];
    if (value === undefined || value === null) this.report('org.required', `${path}.${key}`, { field: key });
    else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    else this.report('org.count.invalid', `${path}.${key}`, { value: String(value) });
    return 0;
  }

  decimal(obj: Json, key: string, path: string): Decimal | undefined {
    const value = obj[key];
    const amount =
      typeof value === 'number'
        ? Number.isFinite(value)
          ? readAmount(String(value), 'decimal')
          : 'invalid'
        : typeof value === 'string'
          ? readAmount(value, 'decimal')
          : undefined;
    if (amount instanceof Decimal) return amount;
    if (value === undefined || value === null) this.report('org.required', `${path}.${key}`, { field: key });
    else if (amount === 'out-of-range') {
      const issue = amountRangeIssue(`${path}.${key}`, String(value));
      this.report(issue.code, issue.path, issue.params);
    } else this.report('org.amount.invalid', `${path}.${key}`, { value: typeof value === 'string' ? value : typeName(value) });
    return undefined;
  }

  array(obj: Json, key: string, path: string): readonly unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.report('org.type', `${path}.${key}`, { expected: 'array', actual: typeName(value) });
      return [];
    }
    if (value.length > MAX_ROWS) {
      this.report('input.rows', `${path}.${key}`, rowsIssue(`${path}.${key}`).params);
      return [];
    }
    return value;
  }
}

function checkUnique(records: readonly { id: string }[], path: string, report: ReportIssue) {
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (r.id && seen.has(r.id)) report('org.id.duplicate', `${path}[${i}].id`, { id: r.id });
    seen.add(r.id);
  });
}

/** An email address: text around one @, no spaces; empty means none. Kept as written, matched in lower case. */
function readEmail(value: string | undefined, path: string, report: ReportIssue): string | undefined {
  const email = value?.trim();
  if (email === undefined || email === '') return undefined;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) report('org.email.invalid', path, { value: email });
  return email;
}

/** One individual is one person of an organization: two people with one MCID are one person written twice. */
function checkUniqueMcid(people: readonly Person[], report: ReportIssue) {
  const first = new Map<string, number>();
  people.forEach((p, i) => {
    if (p.mcid === undefined) return;
    const earlier = first.get(p.mcid);
    if (earlier === undefined) first.set(p.mcid, i);
    else report('org.mcid.duplicate', `$.people[${i}].mcid`, { mcid: p.mcid, first: `$.people[${earlier}]` });
  });
}

function badRecord<T>(report: ReportIssue, path: string, value: unknown, empty: T): T {
  report('org.type', path, { expected: 'object', actual: typeName(value) });
  return empty;
}

function invalid(issues: readonly Issue[], total: number, file: string | undefined): AttainError {
  const where = file ? `${file}: ` : '';
  // A file with more problems is almost always the wrong file, and the rest say the same: the first ones, and the count.
  const listed =
    total > issues.length
      ? [...issues, { code: 'org.issues.truncated', path: '$', params: { shown: issues.length, total } }]
      : issues;
  return new AttainError('org.invalid', `${where}the organization has ${total} problem(s)`, listed, file);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
