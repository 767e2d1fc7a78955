import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { Decimal } from '../src/core/decimal.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { IMPORT_KINDS, type ImportKind } from '../src/importers/import-kinds.js';
import type { ImportPlan } from '../src/importers/import-plan.js';
import { planImport } from '../src/importers/plan-import.js';
import { RevenueTallies, type RevenueTally } from '../src/importers/record-keys.js';
import { organization as organizationFile } from './arbitraries.js';
import { catalog, contoso, expectValid, sample } from './import-helpers.js';

/** Random organizations, with an exchange rate so that EUR rows are valid. */
const organization = organizationFile.map(
  (doc): Organization => ({ ...parseOrganization(doc), fx: new Map([['EUR', Decimal.parse('1.2') as Decimal]]) }),
);

// Small value sets, so that files repeat rows and meet the organization's records often.
const day = fc.constantFrom('2017-01-31', '2017-06-30', '2017-10-31', '2018-02-28', '2018-03-31');
const cell = (values: readonly string[]) => fc.constantFrom(...values);
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (header: string, rows: readonly (readonly string[])[], eol: string) =>
  [header, ...rows.map((r) => r.map(quote).join(','))].join(eol) + eol;
const eol = fc.constantFrom('\n', '\r\n');

/** A person's name is a function of their id, so that a file never names one person two ways. */
const examsFile = fc
  .tuple(
    fc.array(
      fc.tuple(cell(['p0', 'p1', 'p2', 'n1', 'n2']), fc.boolean(), cell(['MB2-715', 'mb2 716', 'MB2716', 'AZ-100']), day),
      {
        maxLength: 12,
      },
    ),
    eol,
  )
  .map(([rows, end]) =>
    csv(
      'person_id,name,exam,passed',
      rows.map(([id, named, exam, passed]) => [id, named ? `Name of ${id}, "${id}"` : '', exam, passed]),
      end,
    ),
  );

const customersFile = fc
  .tuple(fc.array(fc.tuple(cell(['c0', 'c1', 'new']), fc.option(day), fc.option(day)), { maxLength: 10 }), eol)
  .map(([rows, end]) =>
    csv(
      'customer_id,name,dpor_from,dpor_to',
      rows.map(([id, a, b]) => {
        const [from, to] = a === null ? ['', ''] : b === null ? [a, ''] : a <= b ? [a, b] : [b, a];
        return [id, id === 'new' ? 'New\nCustomer' : '', from, to];
      }),
      end,
    ),
  );

const revenueFile = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['c0']),
        cell(['crm-online', 'd365-plan-1', 'd365-customer-engagement-plan', 'Dynamics 365 for Sales']),
        day,
        cell(['100', '100.00', '-25.5', '0', '84250.25']),
        cell(['USD', 'usd', 'EUR']),
        cell(['true', 'false', '', 'yes']),
      ),
      { maxLength: 14 },
    ),
    eol,
  )
  .map(([rows, end]) => csv('customer_id,product,date,amount,currency,net_new', rows, end));

const TRAININGS_HEADER =
  'PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,MCPID,MpnId,PartnerName,PartnerCityLocation,PartnerCountryLocation';
const trainingsFile = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['Exam MB2-715: Deployment', 'Exam MB2-717: Sales', 'Exam 70-533: Azure', 'Sales Fundamentals']),
        cell(['Exam', 'Course', '']),
        cell(['100', '200', '']),
        cell(['a@x.com', '']),
        fc.constantFrom('2018-01-05', '1/5/2018', '2017-12-31T10:00:00', ''),
        cell(['Active', 'Inactive', '']),
        fc.tuple(cell(['小明', 'Ana', '']), cell(['王', 'Silva', ''])),
      ),
      { maxLength: 10 },
    ),
    eol,
  )
  .map(([rows, end]) =>
    csv(
      TRAININGS_HEADER,
      rows.map(([title, type, mcp, email, date, status, [first, last]]) => [
        '1',
        'T',
        title,
        type,
        first,
        last,
        email,
        email,
        date,
        '',
        status,
        '2018-01',
        mcp,
        '2',
        'Contoso, Ltd.',
        'Taipei',
        'Taiwan',
      ]),
      end,
    ),
  );

const REVENUE_EXPORT_HEADER =
  'PGAMpnID,CustomerName,CustomerTenantId,CustomerMarket,CustomerTenantCountry,Product,RawProductName,SKU,Month,MPNId,PartnerName,PartnerLocation,PartnerAttributionType,SalesChannel,BilledRevenueUSD';
const revenueExport = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['T1', 't1', 'C0', 'T2']),
        cell(['Fourth Coffee', 'Litware, Inc.', '']),
        cell(['Dynamics 365 for Sales', 'CRM Online', 'Office 365']),
        cell(['2017-10', '2017-11', '2018-01', '2018-02-01']),
        cell(['DPOR', 'dpor', 'CSP T1', 'PAL']),
        cell(['9600.00', '-1200', '12480.25']),
      ),
      { maxLength: 14 },
    ),
    eol,
  )
  .map(([rows, end]) =>
    csv(
      REVENUE_EXPORT_HEADER,
      rows.map(([tenant, name, product, month, attribution, amount]) => [
        '1',
        name,
        tenant,
        'TW',
        'TW',
        product,
        '',
        'SKU',
        month,
        '2',
        'Contoso',
        'Taipei',
        attribution,
        'Direct',
        amount,
      ]),
      end,
    ),
  );

/** The revenue export with seats and consumption, a billing under several attributions and Azure rows. */
const seatsAndConsumptionExport = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['T1', 't1', 'T2']),
        cell(['Dynamics 365 for Sales', 'CRM Online', 'Microsoft Azure']),
        cell(['2017-11', '2018-01', '2018-02-01']),
        cell(['DPOR', 'CSP T1', 'PAL', 'Delegated Admin', 'fasttrack']),
        cell(['9600.00', '-1200', '0']),
        cell(['', '0', '25', '120']),
        cell(['', '0', '1500.25']),
      ),
      { maxLength: 14 },
    ),
    eol,
  )
  .map(([rows, end]) =>
    csv(
      `${REVENUE_EXPORT_HEADER},AvailableSeats,AzureConsumedRevenueUSD`,
      rows.map(([tenant, product, month, attribution, amount, seats, consumed]) => [
        '1',
        'Name',
        tenant,
        'TW',
        'TW',
        product,
        '',
        'SKU',
        month,
        '2',
        'Contoso',
        'Taipei',
        attribution,
        'Direct',
        amount,
        seats,
        consumed,
      ]),
      end,
    ),
  );

/** Subscriptions with ids repeated as the same subscription, states of every kind and an unknown product. */
const subscriptionReport = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['s1', 's2', 'S3', 's4', 's5']),
        cell(['T1', 't2']),
        cell(['Dynamics 365 for Sales', 'CRM Online', 'Office 365']),
        cell(['Active', 'Trial', 'Expired', 'Suspended', '']),
        cell(['', '2018-06-30']),
      ),
      { maxLength: 10 },
    ),
    eol,
  )
  .map(([rows, end]) => {
    // One subscription id always means one subscription: its other cells are a function of the id.
    const byId = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!byId.has(row[0].toLowerCase())) byId.set(row[0].toLowerCase(), row);
    return csv(
      'CustomerTenantId,CustomerName,Product,SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,SubscriptionState,AvailableSeats',
      rows.map(([id]) => {
        const [, tenant, product, state, endDate] = byId.get(id.toLowerCase()) as (typeof rows)[number];
        return [tenant, 'Name', product, id, '2017-10-01', endDate, state, String(id.length * 7)];
      }),
      end,
    );
  });

const usageReport = fc
  .tuple(
    fc.array(
      fc.tuple(
        cell(['T1', 't2']),
        cell(['Dynamics 365 for Sales', 'CRM Online', 'Office 365']),
        cell(['2018-01', '2018-02']),
        cell(['0', '40', '110']),
      ),
      { maxLength: 10 },
    ),
    eol,
  )
  .map(([rows, end]) =>
    csv(
      'CustomerTenantId,CustomerName,Product,Month,AvailableSeats,AssignedSeats,ActiveSeats',
      rows.map(([tenant, product, month, seats]) => [tenant, 'Name', product, month, '120', seats, '3']),
      end,
    ),
  );

const files: readonly [ImportKind, fc.Arbitrary<string>][] = [
  ['exams', examsFile],
  ['customers', customersFile],
  ['revenue', revenueFile],
  ['partner-center-trainings', trainingsFile],
  ['partner-center-revenue', revenueExport],
  ['partner-center-revenue', seatsAndConsumptionExport],
  ['partner-center-subscriptions', subscriptionReport],
  ['dynamics-365-usage', usageReport],
];

function importInto(existing: Organization | undefined, text: string, kind?: ImportKind, skipInvalid = false): ImportPlan {
  return planImport({ existing, orgId: existing?.id ?? 'random', text, catalog, ...(kind && { kind }), skipInvalid });
}

describe('importing is idempotent', () => {
  it.each(files)('importing a %s file twice adds nothing the second time', (kind, file) => {
    fc.assert(
      fc.property(organization, file, fc.boolean(), (org, text, named) => {
        // Files name exams and products the catalog does not know: those rows are left out, the same ones each time.
        const first = importInto(org, text, named ? kind : undefined, true);
        expect(first.kind).toBe(kind);
        expectValid(first.organization);
        const second = importInto(first.organization, text, named ? kind : undefined, true);
        expect(second.leftOut).toEqual(first.leftOut);
        expect(second.changed).toBe(false);
        expect(Object.values(second.additions).every((list) => list.length === 0)).toBe(true);
        for (const counts of Object.values(second.summary)) expect(counts.added + counts.updated).toBe(0);
        expect(second.organization).toBe(first.organization);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves each identical revenue record max(already there, in the file) times', () => {
    fc.assert(
      fc.property(organization, revenueFile, revenueFile, (org, a, b) => {
        const once = importInto(org, a).organization;
        const both = importInto(once, b).organization;
        const fileOnly = importInto({ ...org, revenue: [] }, b).organization;
        // have: copies before the second import; seen: copies in its file; after it: max(have, seen) of each.
        const tallies = new RevenueTallies(catalog);
        for (const r of once.revenue) tallies.of(r).have++;
        for (const r of fileOnly.revenue) tallies.of(r).seen++;
        const after = new Map<RevenueTally, number>();
        for (const r of both.revenue) after.set(tallies.of(r), (after.get(tallies.of(r)) ?? 0) + 1);
        for (const t of tallies.tallies()) expect(after.get(t) ?? 0).toBe(Math.max(t.have, t.seen));
      }),
      { numRuns: 150 },
    );
  });
});

/** Edits that break files the way people and tools do: stray quotes, lost or doubled lines, cut-off files. */
const mutation = fc.oneof(
  fc.tuple(
    fc.constant('insert' as const),
    fc.nat(),
    fc.constantFrom('"', ',', '\n', '\r', '\ufeff', '1e3', '-', ' ', 'x', '""', '\u0000', '𝄞'),
  ),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 12 })),
  fc.tuple(fc.constant('duplicate-line' as const), fc.nat(), fc.constant(0)),
  fc.tuple(fc.constant('truncate' as const), fc.nat(), fc.constant(0)),
);

function mutate(
  text: string,
  edits: readonly (readonly ['insert' | 'delete' | 'duplicate-line' | 'truncate', number, string | number])[],
) {
  let out = text;
  for (const [kind, at, arg] of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (kind === 'insert') out = out.slice(0, i) + String(arg) + out.slice(i);
    else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + Number(arg));
    else if (kind === 'truncate') out = out.slice(0, i);
    else {
      const lines = out.split('\n');
      const n = at % lines.length;
      lines.splice(n, 0, lines[n] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

/** planImport either refuses a file with an AttainError or returns a valid organization: nothing else. */
function expectSafe(existing: Organization | undefined, text: string, kind: ImportKind | undefined): void {
  let result: ImportPlan;
  try {
    result = importInto(existing, text, kind);
  } catch (error) {
    if (!(error instanceof AttainError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.length).toBeLessThanOrEqual(1001);
    JSON.stringify(error);
    return;
  }
  expectValid(result.organization);
  expect(JSON.parse(JSON.stringify({ s: result.summary, k: result.skipped, n: result.notices }))).toEqual({
    s: result.summary,
    k: result.skipped,
    n: result.notices,
  });
}

describe('leaving out bad rows on request', () => {
  // The generated files name exams and products the catalog does not know (AZ-100, Office 365): rows to leave out.
  it.each(files)('imports a %s file exactly as the same file without its left-out lines', (kind, file) => {
    fc.assert(
      fc.property(organization, file, (org, text) => {
        let skipped: ImportPlan;
        try {
          skipped = importInto(org, text, kind, true);
        } catch (error) {
          // Refused all the same: a problem no row can be blamed for (another test checks those).
          expect(error).toBeInstanceOf(AttainError);
          return;
        }
        const lines = new Set((skipped.leftOut?.issues ?? []).map((i) => Number(i.params.line)));
        const rest = text
          .split('\n')
          .filter((_, i) => !lines.has(i + 1))
          .join('\n');
        const reference = importInto(org, rest, kind);
        expect(skipped.organization).toEqual(reference.organization);
        expect(skipped.summary).toEqual(reference.summary);
        expect(skipped.rows).toBe(reference.rows + (skipped.leftOut?.rows ?? 0));
      }),
      { numRuns: 150 },
    );
  });
});

describe('import fuzzing', () => {
  const kinds = fc.option(fc.constantFrom(...IMPORT_KINDS), { nil: undefined });
  const samples = [
    'contoso-exams.csv',
    'contoso-customers.csv',
    'contoso-revenue.csv',
    'contoso-partner-center-trainings.csv',
    'contoso-partner-center-revenue.csv',
  ].map(sample);

  it('arbitrary text never throws anything but AttainError, nor yields an invalid organization', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '1', '-', '.', 'e', ' ', '{', '[', ':', '}', ']'),
        maxLength: 120,
      }),
      fc.json().map((j) => j),
    );
    fc.assert(
      fc.property(text, kinds, fc.boolean(), (t, kind, exists) => expectSafe(exists ? contoso : undefined, t, kind)),
      { numRuns: 1500 },
    );
  });

  it('mutated sample files never throw anything but AttainError, nor yield an invalid organization', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 4 }), kinds, (text, edits, kind) =>
        expectSafe(contoso, mutate(text, edits), kind),
      ),
      { numRuns: 1500 },
    );
  });

  it('mutated JSON and YAML records never throw anything but AttainError', () => {
    const documents = [
      JSON.stringify([{ customer: 'northwind', product: 'crm-online', date: '2017-04-30', amount: '5', currency: 'USD' }]),
      JSON.stringify([{ id: 'p1', name: 'A', exams: [{ exam: 'MB2-717', passed: '2018-01-01' }] }]),
      JSON.stringify([{ id: 'c9', dpor: [{ from: '2017-01-01', to: '2017-02-01' }] }]),
      'id: contoso\nmarket: developed\npeople:\n  - { id: p1, exams: [ { exam: MB2-717, passed: "2018-01-01" } ] }\n',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 3 }), kinds, (text, edits, kind) =>
        expectSafe(contoso, mutate(text, edits), kind),
      ),
      { numRuns: 800 },
    );
  });
});
