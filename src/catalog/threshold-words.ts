// Apart from the schema so that compiling a catalog (which the dashboard does too) never loads zod: zod checks whether
// it may use eval, which a Content-Security-Policy reports as a violation.

/** Written for a market that the program publishes no threshold for: the requirement cannot be decided there. */
export const UNPUBLISHED = 'unpublished';
/** The key of a threshold that applies to every market not named beside it. */
export const EVERY_MARKET = 'all';
