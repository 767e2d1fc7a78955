import type { ProgramPolicy, RevenueAssociationPolicy } from '../catalog/catalog-types.js';
import { LOCALES, type Locale } from '../core/localized.js';
import { matchLocale } from '../core/match-locale.js';
import { type OptionSpec, usage } from './parse-args.js';

export const langOption: OptionSpec = {
  name: 'lang',
  value: 'LANG',
  choices: LOCALES,
  normalize: matchLocale,
  description: 'en, zh-TW or ko-KR (also zh, ko; default from $LANG)',
};
export const formatOption: OptionSpec = {
  name: 'format',
  value: 'FORMAT',
  choices: ['text', 'json'],
  description: 'text (default) or json',
};
export const catalogOption: OptionSpec = {
  name: 'catalog',
  value: 'PATH|ID',
  description: 'a catalog file, or a shipped catalog (mpn-2017, the default; mpn-2017-program, the whole program)',
};

/** The language asked for, else the one the environment speaks, else English. */
export function chooseLocale(option: unknown, env: NodeJS.ProcessEnv = process.env): Locale {
  if (typeof option === 'string') return option as Locale;
  return matchLocale(env.ATTAIN_LANG ?? env.LC_ALL ?? env.LANG ?? '') ?? 'en';
}

/** Overrides of the program's policy, shared by the commands that evaluate. */
export const policyOptions: readonly OptionSpec[] = [
  {
    name: 'revenue-association',
    value: 'POLICY',
    choices: ['within-period', 'associated-at-as-of'],
    description: "override the program's DPOR policy",
  },
  {
    name: 'max-competencies-per-person',
    value: 'N',
    description: 'a person counts toward at most N competencies (default: the catalog policy, usually no cap)',
  },
];

/** The policy overrides given on the command line; throws a usage error for a bad value. */
export function policyFrom(options: Readonly<Record<string, unknown>>): Partial<ProgramPolicy> {
  const association = options['revenue-association'] as RevenueAssociationPolicy | undefined;
  const capText = options['max-competencies-per-person'];
  const cap = typeof capText === 'string' ? Number(capText) : undefined;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 1)) {
    throw usage('cli.option.number', { option: 'max-competencies-per-person', value: String(capText), min: 1 });
  }
  return {
    ...(association && { revenueAssociation: association }),
    ...(cap !== undefined && { maxCompetenciesPerPerson: cap }),
  };
}
