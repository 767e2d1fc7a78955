/** The most alternatives an exam formula may expand to; validation refuses more, so evaluation stays fast and exact. */
export const MAX_FORMULA_TERMS = 4096;
