/**
 * Whether two types are the same shape, each assignable to the other. The response schemas are written beside the
 * engine's own interfaces; `sameType<Same<z.infer<typeof schema>, Interface>>()` makes the build fail the day they
 * drift apart, instead of a client finding out.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export function sameType<_Checked extends true>(): void {}
