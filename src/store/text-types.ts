/**
 * PostgreSQL types that both backends must hand back as the database's own text: `date` as 'YYYY-MM-DD' (a JS Date
 * would bring a time zone into a calendar date) and `numeric` as its exact digits (a float would round money).
 * Arrays of them are read the same way, since organizations are read column by column with `array_agg`.
 */
export const TEXT_TYPES = { date: 1082, numeric: 1700 } as const;
export const TEXT_ARRAY_TYPES = { date: 1182, numeric: 1231 } as const;
/** `text[]`, whose parser both drivers already have: the parser `date[]` and `numeric[]` borrow. */
export const TEXT_ARRAY_TYPE = 1009;

/** Keeps a column's text as it is. */
export function keepText(text: string): string {
  return text;
}
