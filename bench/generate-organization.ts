/**
 * Synthetic organization documents for the benchmarks, in the organization file format (see
 * src/engine/organization.ts). Deterministic from a seed, so that every run and every machine measures the same data.
 *
 * The exams and products mirror catalogs/mpn-2017.yaml. They are written out here rather than read from the catalog
 * so that editing the catalog does not silently change what the benchmark measures.
 */

export type Market = 'developed' | 'developing';

export interface GenerateOptions {
  /** Number of people. */
  readonly people: number;
  /** Number of revenue records; customers are about one per twenty records. */
  readonly revenue: number;
  readonly seed: number;
  readonly market?: Market;
}

export interface ExamPassDocument {
  exam: string;
  passed: string;
}

export interface PersonDocument {
  id: string;
  name: string;
  exams: ExamPassDocument[];
}

export interface PeriodDocument {
  from: string;
  to?: string;
}

export interface CustomerDocument {
  id: string;
  name: string;
  dpor: PeriodDocument[];
}

export interface RevenueDocument {
  customer: string;
  product: string;
  date: string;
  amount: string;
  currency: string;
  netNew?: boolean;
}

export interface OrganizationDocument {
  id: string;
  name: string;
  market: Market;
  country: string;
  people: PersonDocument[];
  customers: CustomerDocument[];
  revenue: RevenueDocument[];
  fx: Record<string, string>;
}

/** An exam of the catalog, with the dates that decide whether a pass counts. */
interface CatalogExam {
  readonly code: string;
  readonly launched?: string;
  readonly retired?: string;
}

/**
 * Groups of exams that people really take together (the roles of the catalog), so that the generated people fill
 * roles and the matching does real work, instead of holding random exams that qualify for nothing.
 */
const TRACKS: readonly (readonly CatalogExam[])[] = [
  [{ code: 'MB2-714' }, { code: 'MB2-713' }, { code: 'MB2-709' }, { code: 'MB2-710' }, { code: 'MB2-706' }],
  [{ code: 'MB2-712' }, { code: 'MB2-707' }],
  [{ code: 'MB2-715' }, { code: 'MB2-716' }],
  [{ code: 'MB2-717' }, { code: 'MB2-718' }, { code: 'MB2-877', launched: '2017-12-01' }],
  [
    { code: 'MB6-894', launched: '2017-11-01' },
    { code: '70-534', launched: '2017-11-01' },
  ],
  [
    { code: 'MB6-895', launched: '2017-11-01' },
    { code: 'MB6-896', launched: '2017-11-01' },
    { code: 'MB6-897', launched: '2017-11-01' },
  ],
  [
    { code: 'MB6-705', retired: '2017-12-31' },
    { code: 'MB6-893', retired: '2017-12-31' },
    { code: 'MB6-892', retired: '2017-12-31' },
    { code: 'MB6-890', retired: '2017-12-31' },
    { code: '70-764', retired: '2017-12-31' },
  ],
];

/** Exams the catalog does not know: each pass of one is a warning, not an error. */
const UNKNOWN_EXAMS = ['AZ-900', 'MS-900', 'PL-200', '70-483'];

/** Product ids and aliases of the catalog, weighted towards the cloud products most partners sell. */
const PRODUCTS: readonly (readonly [string, number])[] = [
  ['crm-online', 14],
  ['d365-customer-engagement-plan', 14],
  ['d365-plan-1', 6],
  ['d365-customer-engagement-app', 14],
  ['d365-enterprise-plan', 10],
  ['d365-plan-2', 4],
  ['d365-unified-operations-plan', 10],
  ['d365-operations-app', 10],
  ['d365-operations-on-premises', 8],
  ['ax-2012-on-premises', 10],
];
const UNKNOWN_PRODUCTS = ['office-365-e3', 'azure-consumption', 'power-bi-pro'];

/** Units of USD per unit of each foreign currency, as exact decimal strings. */
const FX: Readonly<Record<string, string>> = { EUR: '1.2312', JPY: '0.0094' };

const FIRST_NAMES = ['Ana', 'John', 'Mei-Ling', 'Min-jun', 'Hiroshi', 'Fatima', 'Lars', 'Priya', '小明', '서연', 'Carlos', 'Olu'];
const LAST_NAMES = ['Silva', 'Smith', 'Chen', 'Kim', 'Tanaka', 'Haddad', 'Berg', 'Patel', '王', '이', 'García', 'Adeyemi'];
const COMPANIES = ['Northwind', 'Tailspin', 'Fourth Coffee', 'Litware', 'Adatum', 'Woodgrove', 'Proseware', 'Wingtip'];

const DAY_MS = 86_400_000;
const PASS_START = '2016-06-01';
const PASS_END = '2018-03-31';
const REVENUE_START = '2016-10-01';
const REVENUE_END = '2018-03-31';

/** A small seeded PRNG (mulberry32): the same seed gives the same organization everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random choices over one PRNG stream. */
class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** A date in [from, to], both `YYYY-MM-DD`. */
  day(from: string, to: string): string {
    return formatDay(this.int(toDay(from), toDay(to)));
  }
}

function toDay(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addDays(text: string, days: number): string {
  return formatDay(toDay(text) + days);
}

/** Builds an organization document; the result is plain data, ready for `JSON.stringify`. */
export function generateOrganization(options: GenerateOptions): OrganizationDocument {
  const random = new Random(options.seed);
  const customers = generateCustomers(random, Math.max(1, Math.round(options.revenue / 20)));
  return {
    id: `bench-${options.seed}`,
    name: `${random.pick(COMPANIES)} Dynamics Partners`,
    market: options.market ?? 'developed',
    country: random.pick(['TW', 'KR', 'US', 'DE', 'BR', 'IN']),
    people: Array.from({ length: options.people }, (_, i) => generatePerson(random, i)),
    customers,
    revenue: Array.from({ length: options.revenue }, () => generateRevenue(random, customers)),
    fx: { ...FX },
  };
}

function generatePerson(random: Random, index: number): PersonDocument {
  return {
    id: `p${String(index + 1).padStart(5, '0')}`,
    name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    exams: generateExams(random),
  };
}

/**
 * 0–8 passes per person, mostly from tracks of related catalog exams (that is how consultants certify), now and then
 * one the catalog does not know.
 */
function generateExams(random: Random): ExamPassDocument[] {
  const wanted = random.weighted<number>([
    [0, 10],
    [1, 10],
    [2, 18],
    [3, 16],
    [4, 14],
    [5, 12],
    [6, 8],
    [7, 6],
    [8, 6],
  ]);
  const chosen = new Map<string, CatalogExam>();
  // Ends: there are far more distinct exams than the 8 a person can hold.
  while (chosen.size < wanted) {
    for (const exam of someExams(random)) if (chosen.size < wanted) chosen.set(exam.code, exam);
  }
  return [...chosen].map(([code, exam]) => ({
    exam: spell(random, code),
    passed: passDate(random, exam),
  }));
}

/** Mostly part of a track (which may come out empty), sometimes one exam the catalog does not know. */
function someExams(random: Random): CatalogExam[] {
  if (random.chance(0.05)) return [{ code: random.pick(UNKNOWN_EXAMS) }];
  return random.pick(TRACKS).filter(() => random.chance(0.75));
}

/** Exam codes as people type them: the canonical spelling mostly, otherwise lower case, spaces, no separator. */
function spell(random: Random, code: string): string {
  return random.weighted<(c: string) => string>([
    [(c) => c, 70],
    [(c) => c.toLowerCase(), 8],
    [(c) => c.toLowerCase().replace('-', ' '), 8],
    [(c) => c.toLowerCase().replace('-', ''), 7],
    [(c) => c.replace('-', ' '), 7],
  ])(code);
}

/**
 * Mostly a pass while the exam could be taken; about 3% of passes of exams with a launch or retirement date fall
 * before the launch or after the retirement, which the engine must ignore with a warning.
 */
function passDate(random: Random, exam: CatalogExam): string {
  const start = exam.launched && exam.launched > PASS_START ? exam.launched : PASS_START;
  const end = exam.retired && exam.retired < PASS_END ? exam.retired : PASS_END;
  if (random.chance(0.03)) {
    if (exam.launched) return random.day(addDays(exam.launched, -120), addDays(exam.launched, -1));
    if (exam.retired) return random.day(addDays(exam.retired, 1), PASS_END);
  }
  return random.day(start, end);
}

function generateCustomers(random: Random, count: number): CustomerDocument[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${String(i + 1).padStart(5, '0')}`,
    name: `${random.pick(COMPANIES)} ${random.pick(['Ltd', 'Inc', 'GmbH', 'Co', 'SA'])} ${i + 1}`,
    dpor: generatePeriods(random),
  }));
}

/** One or two DPOR periods; about a third of first periods are closed, and a closed one may be followed by another. */
function generatePeriods(random: Random): PeriodDocument[] {
  const from = random.day('2016-01-01', '2017-12-31');
  if (!random.chance(0.35)) return [{ from }];
  const to = addDays(from, random.int(60, 480));
  const first = { from, to };
  if (!random.chance(0.5)) return [first];
  const again = addDays(to, random.int(30, 180));
  return [first, random.chance(0.5) ? { from: again } : { from: again, to: addDays(again, random.int(60, 300)) }];
}

function generateRevenue(random: Random, customers: readonly CustomerDocument[]): RevenueDocument {
  const currency = random.weighted<string>([
    ['USD', 90],
    ['EUR', 5],
    ['JPY', 5],
  ]);
  const record: RevenueDocument = {
    customer: random.pick(customers).id,
    product: random.chance(0.005) ? random.pick(UNKNOWN_PRODUCTS) : random.weighted(PRODUCTS),
    date: random.day(REVENUE_START, REVENUE_END),
    amount: amount(random, currency),
    currency,
  };
  // The file format defaults netNew to true; writing it only when false is what exports do.
  if (random.chance(0.1)) record.netNew = false;
  return record;
}

/** A decimal string with cents; yen have no minor unit, so JPY amounts are whole. */
function amount(random: Random, currency: string): string {
  const dollars = random.chance(0.1) ? random.int(20_000, 120_000) : random.int(50, 15_000);
  if (currency === 'JPY') return String(dollars * 110);
  return `${dollars}.${String(random.int(0, 99)).padStart(2, '0')}`;
}
