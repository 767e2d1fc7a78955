import type { Locale } from '../core/localized.js';
import type { MessageCode } from '../core/message-params.js';
import type { Template } from '../render/messages.js';

/**
 * A kind's templates for its own codes, in every language; each language's table spreads them into its `codes`. A
 * code or a language missing here, or a template reading a parameter its code lacks, does not compile.
 */
export type KindMessages<C extends MessageCode> = { readonly [L in Locale]: { readonly [K in C]: Template<K> } };
