import type { RequirementKindName } from '../catalog/catalog-types.js';
import { anyOfText } from './any-of/any-of-text.js';
import { metricText } from './metric/metric-text.js';
import { peopleText } from './people/people-text.js';
import { pointsText } from './points/points-text.js';
import { revenueText } from './revenue/revenue-text.js';
import type { TextKind } from './text-kind.js';

/** How every kind reads in the text report, by name. A kind missing here is a compile error. */
export const textKinds: { readonly [K in RequirementKindName]: TextKind<K> } = {
  revenue: revenueText,
  people: peopleText,
  anyOf: anyOfText,
  metric: metricText,
  points: pointsText,
};
