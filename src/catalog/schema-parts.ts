import { z } from 'zod';
import { ASSOCIATION_TYPES } from '../engine/organization.js';
import { EVERY_MARKET, UNPUBLISHED } from './threshold-words.js';

/**
 * The pieces of the catalog's zod schema that the catalog and every requirement kind's own schema share. In a file
 * of their own so that the kinds' schemas can use them while the catalog's schema imports the kinds'.
 */
/**
 * A format's own issue code, as the message of its check: validation reports it under this code (with the value
 * found), which has a message in every language, instead of zod's English text.
 */
export const FORMAT_CODES = ['catalog.format.id', 'catalog.format.date', 'catalog.format.currency'] as const;
export type FormatCode = (typeof FORMAT_CODES)[number] | 'catalog.format.every-market';

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'catalog.format.id' satisfies FormatCode);
export const localized = z.record(z.string(), z.string().min(1)).describe('A text per language tag: { en, zh-TW, ko-KR }');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'catalog.format.date' satisfies FormatCode);
const amount = z.union([z.number(), z.string()]).describe('A decimal amount, as a number or a string');

/** A threshold per market, or one for every market: `100000`, `{ all: 100000 }`, `{ all: 100000, developing: 50000 }`. */
export type RawThresholds = number | string | Record<string, number | string>;
export const thresholds: z.ZodType<RawThresholds> = z
  .union([amount, z.record(z.string(), amount)])
  .describe(
    `One amount for every market, or an amount per market; \`${EVERY_MARKET}\` stands for the markets not named, and \`${UNPUBLISHED}\` for a market the program publishes no threshold for. Every market of the catalog needs one.`,
  );

export type RawFormula = string | { allOf: RawFormula[] } | { oneOf: RawFormula[] };
export const formula: z.ZodType<RawFormula> = z.lazy(() =>
  z.union([
    z.string().min(1).describe('An exam code'),
    z.strictObject({ allOf: z.array(formula) }),
    z.strictObject({ oneOf: z.array(formula) }),
  ]),
);

/** The association types a requirement accepts; DPOR alone when the catalog does not say, as the 2017 program reads. */
export const associationsSchema = z
  .array(z.enum(ASSOCIATION_TYPES))
  .min(1)
  .refine((types) => new Set(types).size === types.length, 'an association type is listed twice')
  .default(['dpor'])
  .describe(`The association types under which a customer's figures count: ${ASSOCIATION_TYPES.join(', ')}`);
