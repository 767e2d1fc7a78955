import { AttainError } from '../core/attain-error.js';
import { organizationDocument } from '../engine/organization-document.js';
import type { OrganizationRules } from '../engine/organization-rules.js';
import type { LoadMember } from '../importers/load-reader.js';
import { duplicateOrganization, type InputPlace, readOrganizationInputs } from '../importers/read-organization-inputs.js';
import type { LoadBatchOutcome } from '../store/store.js';
import type { ServerClient } from './server-client.js';

/** What the load reports, as the store path reports it (see LoadRun in load-command.ts). */
export interface LoadReport {
  refuse(place: InputPlace, id: string | null, error: AttainError): void;
  landed(members: readonly LoadMember[], outcome: LoadBatchOutcome): void;
}

/** A request's organizations stay well under the server's 32 MiB body limit; one organization alone may use more. */
const REQUEST_BYTES = 16 * 1024 * 1024;
const ORGANIZATION_BYTES = 30 * 1024 * 1024;

type Answer = { readonly id: string; readonly status: string; readonly error?: ReturnType<AttainError['toJSON']> };

/**
 * `attain load` while `attain serve` holds the embedded store: the organizations are read and checked here, as
 * on the store (the same refusals, places and order), and sent a batch per request to `POST /api/orgs`, which
 * validates them again and writes each batch in one transaction.
 */
export async function loadThroughServer(
  client: ServerClient,
  files: readonly string[],
  rules: OrganizationRules,
  batchSize: number,
  report: LoadReport,
): Promise<void> {
  const seen = new Map<string, InputPlace>();
  let members: (LoadMember & { readonly document: string })[] = [];
  let bytes = 0;
  const flush = async () => {
    if (members.length === 0) return;
    const sent = members;
    members = [];
    bytes = 0;
    const body = `{"organizations":[${sent.map((m) => m.document).join(',')}]}`;
    const { outcomes } = await client.json<{ outcomes: Answer[] }>('POST', '/api/orgs', { text: body, type: 'application/json' });
    const written: LoadMember[] = [];
    const created: string[] = [];
    let failure: AttainError | undefined;
    sent.forEach((member, k) => {
      const answer = outcomes[k] as Answer;
      const error = answer.error && AttainError.fromJSON(answer.error);
      if (answer.status === 'refused') report.refuse(member.place, member.id, error as AttainError);
      else {
        written.push({ place: member.place, id: member.id });
        if (answer.status === 'created') created.push(member.id);
        if (answer.status === 'failed') failure ??= error;
      }
    });
    if (written.length > 0) report.landed(written, failure ? { error: failure } : { created });
  };
  for await (const input of readOrganizationInputs(files, rules)) {
    if ('error' in input) {
      report.refuse(input.place, null, input.error);
      continue;
    }
    const { id } = input.organization;
    const first = seen.get(id);
    if (first) {
      report.refuse(input.place, id, duplicateOrganization(id, input.place, first));
      continue;
    }
    seen.set(id, input.place);
    const document = JSON.stringify(organizationDocument(input.organization));
    if (document.length > ORGANIZATION_BYTES) {
      const megabytes = Math.ceil(document.length / 1024 / 1024);
      report.refuse(
        input.place,
        id,
        new AttainError('cli.server.too-large', `organization "${id}" is too large to send to the running server`, [
          { code: 'cli.server.too-large', path: '$', params: { id, megabytes } },
        ]),
      );
      continue;
    }
    if (members.length >= batchSize || bytes + document.length > REQUEST_BYTES) await flush();
    members.push({ place: input.place, id, document });
    bytes += document.length;
  }
  await flush();
}
