import { z } from '@hono/zod-openapi';
import type { Issue } from '../../core/attain-error.js';
import { type Day, dayOf } from '../../core/day.js';
import { dayRangeIssue, readDay } from '../../core/day-range.js';
import { httpErrors } from '../http-error.js';

/**
 * Query parameters arrive as text; these schemas read them into what the route uses (a day, a number, a flag) and
 * refuse them with the same coded issues every input gives (`request.parameter`, `input.date.range`). The app's
 * validation hook answers with such an issue's code rather than zod's words.
 */
export interface CodedZodIssue {
  readonly attain: Issue;
  /** The error code the answer carries when this issue is the first. */
  readonly error: string;
}

function refuse(ctx: z.RefinementCtx, error: string, issue: Issue, message: string): never {
  const params: CodedZodIssue = { attain: issue, error };
  ctx.addIssue({ code: 'custom', message, params: { ...params } });
  return z.NEVER;
}

/** Not a date (`min` absent), or not a whole number of at least `min`: the same issue and words as every route's. */
function badParameter(ctx: z.RefinementCtx, name: string, value: string, min?: number): never {
  const error = httpErrors.badParameter(name, value, min);
  return refuse(ctx, 'request.parameter', error.issues[0] as Issue, error.message);
}

/** The day a parameter names, or the coded issue that refuses it. */
function dayOrRefuse(ctx: z.RefinementCtx, name: string, value: string): Day {
  const day = readDay(value);
  if (day === 'invalid') return badParameter(ctx, name, value);
  if (day === 'out-of-range') {
    return refuse(
      ctx,
      'request.parameter',
      dayRangeIssue(name, value),
      `${name} must be a date from 1900-01-01 to 9999-12-31, not "${value}"`,
    );
  }
  return day;
}

/** A date parameter `YYYY-MM-DD` from 1900-01-01 to 9999-12-31, as every input reads dates; absent or empty: today. */
export function dayQuery(name: string, description: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): Day => (value === undefined || value === '' ? dayOf(new Date()) : dayOrRefuse(ctx, name, value)))
    .openapi({
      description: `${description} (YYYY-MM-DD; default today)`,
      example: '2018-03-31',
      type: 'string',
      format: 'date',
    });
}

/** A date parameter that may be absent: undefined then. */
export function optionalDayQuery(name: string, description: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): Day | undefined => (value === undefined || value === '' ? undefined : dayOrRefuse(ctx, name, value)))
    .openapi({ description: `${description} (YYYY-MM-DD)`, type: 'string', format: 'date' });
}

/** A date field of a JSON body, required. */
export function dayField(name: string, description: string) {
  return z
    .string()
    .transform((value, ctx): Day => dayOrRefuse(ctx, name, value))
    .openapi({ description: `${description} (YYYY-MM-DD)`, example: '2018-03-31', type: 'string', format: 'date' });
}

/** A whole number of at least `min`; absent or empty: undefined. */
export function wholeNumberQuery(name: string, min: number, description: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): number | undefined => {
      if (value === undefined || value === '') return undefined;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min) {
        return badParameter(ctx, name, value, min);
      }
      return n;
    })
    .openapi({ description, type: 'integer', minimum: min });
}

/** `true` or `false`; absent: false. */
export const flagQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

/** A parameter that may repeat (`exclude=a&exclude=b`): always a list. */
export const listQuery = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value));

/** The zod issue's coded issue, when one of these schemas raised it. */
export function codedIssueOf(params: unknown): CodedZodIssue | undefined {
  if (typeof params !== 'object' || params === null || !('attain' in params) || !('error' in params)) return undefined;
  return params as CodedZodIssue;
}

/** The language of words in the answer (en, zh-TW, ko-KR); otherwise Accept-Language decides. */
export const langQuery = z.string().max(50).optional().openapi({ example: 'zh-TW' });
