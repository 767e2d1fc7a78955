/**
 * Type-level tests of the findings contract, checked by `npm run typecheck` (nothing here runs): each
 * `@ts-expect-error` fails the typecheck if the line under it ever compiles, that is if the contract loosens.
 */
import { finding, issue, type ReportIssue } from '../src/core/message-params.js';
import type { KindMessages } from '../src/kinds/kind-messages.js';
import { type RevenueMessageParams, revenueMessages } from '../src/kinds/revenue/revenue-messages.js';
import type { CodeMessages, Messages } from '../src/render/messages.js';
import { en } from '../src/render/messages-en.js';

// A language's table without one code does not compile.
const { 'catalog.threshold.invalid': _dropped, ...withoutOne } = en.codes;
// @ts-expect-error Property 'catalog.threshold.invalid' is missing
export const incomplete: CodeMessages = withoutOne;

// A template reading a parameter its code does not have does not compile.
export const misread: CodeMessages = {
  ...en.codes,
  // @ts-expect-error Property 'amount' does not exist on the parameters of catalog.threshold.invalid
  'catalog.threshold.invalid': (p) => `${p.amount}`,
};

// A template for a code that does not exist does not compile.
export const invented: CodeMessages = {
  ...en.codes,
  // @ts-expect-error Object literal may only specify known properties
  'catalog.threshold.unheard-of': () => 'x',
};

// A template of the wrong kind of value (a string, not a function of the parameters) does not compile.
export const notATemplate: CodeMessages = {
  ...en.codes,
  // @ts-expect-error Type 'string' is not assignable to a template
  'catalog.threshold.invalid': 'the threshold is not an amount',
};

// A language without its code table does not compile.
const { codes: _codes, ...wordsOnly } = en;
// @ts-expect-error Property 'codes' is missing
export const noCodes: Messages = wordsOnly;

// Emitting an issue or a finding with the wrong parameters does not compile.
// @ts-expect-error 'amount' is not a parameter of catalog.threshold.invalid
export const wrongName = issue('catalog.threshold.invalid', '$', { amount: '-5' });
// @ts-expect-error 'value' is missing
export const missingParameter = issue('catalog.threshold.invalid', '$', {});
// @ts-expect-error the cap is a number
export const wrongType = finding('people.cap', 'gold', { cap: '1', competencies: [] });
// @ts-expect-error not a code
export const unknownCode = issue('catalog.threshold.wrong', '$', { value: '-5' });

// The same through a validator's `report`.
declare const report: ReportIssue;
report('catalog.formula.empty', '$'); // a code without parameters needs none
report('catalog.threshold.invalid', '$', { value: '-5' });
// @ts-expect-error parameters are required for catalog.threshold.invalid
report('catalog.threshold.invalid', '$');
// @ts-expect-error 'market' is not a parameter of catalog.threshold.invalid
report('catalog.threshold.invalid', '$', { market: 'developed' });

// A kind's own messages (in its folder) without one of the languages do not compile.
const { 'ko-KR': _korean, ...twoLanguages } = revenueMessages;
// @ts-expect-error Property 'ko-KR' is missing
export const kindWithoutKorean: KindMessages<keyof RevenueMessageParams> = twoLanguages;

// Nor without one of its codes in a language.
const { 'revenue.no-threshold': _noThreshold, ...oneCode } = revenueMessages.en;
export const kindMissingACode: KindMessages<keyof RevenueMessageParams> = {
  ...revenueMessages,
  // @ts-expect-error Property 'revenue.no-threshold' is missing
  en: oneCode,
};
