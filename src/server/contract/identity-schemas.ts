import { z } from '@hono/zod-openapi';
import type { ClaimedTwicePage } from '../../store/claimed-twice.js';
import { type Same, sameType } from './same-type.js';

const claim = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('listed'),
    org: z.string(),
    orgName: z.string().nullable(),
    /** The person's id in that organization. */
    person: z.string(),
    personName: z.string().nullable(),
    /** When the organization's data last changed. */
    orgChanged: z.string(),
  }),
  z.object({
    status: z.literal('refused'),
    org: z.string(),
    orgName: z.string().nullable(),
    /** False for a refused creation, or an organization deleted since. */
    orgExists: z.boolean(),
    person: z.string(),
    firstRefused: z.string(),
    lastRefused: z.string(),
    times: z.number().int(),
  }),
]);

/** `GET /api/people/claimed-twice`: individuals two organizations claim, with every organization's claim. */
export const claimedTwicePageSchema = z
  .object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    rows: z
      .array(
        z.object({
          kind: z.enum(['mcid', 'email']),
          /** The MCID, or the email in lower case. */
          identity: z.string(),
          claims: z.array(claim).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('ClaimedTwicePage');

sameType<Same<z.infer<typeof claimedTwicePageSchema>, ClaimedTwicePage>>();
