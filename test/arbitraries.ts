import fc from 'fast-check';
import { formatDay, parseDay } from '../src/core/day.js';

/** The exams of the shipped catalog that matter, plus one it does not know. */
export const EXAM_CODES = [
  'MB2-714',
  'MB2-713',
  'MB2-709',
  'MB2-710',
  'MB2-706',
  'MB2-712',
  'MB2-707',
  'MB2-715',
  'MB2-716',
  'MB2-717',
  'MB2-718',
  'MB2-877',
  'MB6-894',
  '70-534',
  'MB6-895',
  'MB6-896',
  'MB6-897',
  'MB6-705',
  'MB6-893',
  'MB6-892',
  'MB6-890',
  '70-764',
  'AZ-900',
];
export const PRODUCTS = [
  'crm-online',
  'd365-customer-engagement-plan',
  'd365-plan-1',
  'd365-customer-engagement-app',
  'd365-enterprise-plan',
  'd365-unified-operations-plan',
  'd365-operations-app',
  'd365-operations-on-premises',
  'ax-2012-on-premises',
];

const START = parseDay('2016-01-01') as number;
const END = parseDay('2019-06-30') as number;
export const date = fc.integer({ min: START, max: END }).map(formatDay);

const recentRevenue = fc.integer({ min: parseDay('2017-03-01') as number, max: parseDay('2019-03-31') as number }).map(formatDay);
export const examPass = fc.record({ exam: fc.constantFrom(...EXAM_CODES), passed: date });
export const revenueRecord = (customers: number) =>
  fc
    .record({
      customer: fc.integer({ min: 0, max: customers - 1 }).map((i) => `c${i}`),
      product: fc.constantFrom(...PRODUCTS),
      date: recentRevenue,
      amount: fc.integer({ min: 0, max: 40_000_000 }).map((cents) => (cents / 100).toFixed(2)),
      currency: fc.constant('USD'),
      netNew: fc.boolean(),
      // Now and then a record Partner Center attributes itself: under DPOR whatever the customer's periods say, or
      // under an association the seeds' tests do not accept.
      attribution: fc.option(fc.constantFrom('dpor' as const, 'pal' as const), { freq: 6 }),
    })
    .map(({ attribution, ...record }) => (attribution === null ? record : { ...record, attribution }));

/** Exam sets that fill the seeds' roles, so that random people often qualify for something. */
const KITS = [
  ['MB2-714', 'MB2-710'],
  ['MB2-713', 'MB2-706'],
  ['MB2-712'],
  ['MB2-707'],
  ['MB2-715', 'MB2-716', 'MB2-717'],
  ['MB2-715', 'MB2-716', 'MB2-718'],
  ['MB6-894', '70-534', 'MB6-895'],
  ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'],
];
const recent = fc.integer({ min: parseDay('2017-01-01') as number, max: parseDay('2018-12-31') as number }).map(formatDay);
const kitPasses = fc.tuple(fc.constantFrom(...KITS), recent).map(([kit, passed]) => kit.map((exam) => ({ exam, passed })));
/** A person: mostly the exam kits the organization focuses on (partners specialize), plus a few random passes. */
const person = (focus: readonly (readonly string[])[]) =>
  fc
    .tuple(fc.subarray([...focus]), recent, fc.array(kitPasses, { maxLength: 1 }), fc.array(examPass, { maxLength: 2 }))
    .map(([kits, passed, others, extra]) => [
      ...kits.flatMap((kit) => kit.map((exam) => ({ exam, passed }))),
      ...others.flat(),
      ...extra,
    ]);

/** An as-of date where the generated data is dense. */
export const asOfDate = fc
  .integer({ min: parseDay('2017-09-01') as number, max: parseDay('2019-03-31') as number })
  .map(formatDay);

/** Small random organizations in the file format, dense enough in the seeds' exams and revenue to reach levels often. */
export const organization = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.subarray(KITS, { minLength: 1, maxLength: 3 }))
  .chain(([customers, focus]) =>
    fc.record({
      id: fc.constant('random'),
      market: fc.constantFrom('developed', 'developed', 'developing'),
      people: fc.array(person(focus), { maxLength: 12 }).map((lists) => lists.map((exams, i) => ({ id: `p${i}`, exams }))),
      customers: fc
        .array(
          // Mostly long, open associations (as real DPOR customers have), sometimes a closed one.
          fc
            .tuple(date, fc.option(date, { freq: 3 }))
            .map(([a, b]) => (b === null ? { from: a } : a <= b ? { from: a, to: b } : { from: b, to: a })),
          { minLength: customers, maxLength: customers },
        )
        .map((periods) => periods.map((p, i) => ({ id: `c${i}`, dpor: [p] }))),
      revenue: fc.array(revenueRecord(customers), { maxLength: 16 }),
    }),
  );
