import { parentPort, workerData } from 'node:worker_threads';
import { LoadBatchEncoder, loadBatchTransfers } from '../store/load-batch.js';
import { mcidClaims, takenError } from '../store/mcid-claims.js';
import { loadBatchError, writeRefusal } from '../store/replace-organizations.js';
import type { LoadMember, LoadWorkerData, LoadWorkerMessage } from './load-reader.js';
import { duplicateOrganization, type InputPlace, readOrganizationInputs } from './read-organization-inputs.js';

/**
 * The thread that reads a bulk load's inputs (see `LoadReader`): validates each organization, refuses the bad
 * ones and repeated ids, encodes the rest a batch at a time and hands each batch over, waiting while `ahead` batches
 * are ready and not yet taken.
 */
async function main(port: NonNullable<typeof parentPort>, data: LoadWorkerData): Promise<void> {
  let ready = 0;
  let taken: (() => void) | undefined;
  port.on('message', () => {
    ready--;
    taken?.();
    taken = undefined;
  });
  const post = (message: LoadWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const seen = new Map<string, InputPlace>();
  // The individuals (MCIDs) of the organizations accepted so far: a later one listing them is refused on its own,
  // instead of failing the batch they would share in the store.
  const claimed = new Map<string, string>();
  const encoder = new LoadBatchEncoder();
  let members: LoadMember[] = [];
  let unencodable: unknown;

  const flush = async () => {
    if (members.length === 0) return;
    while (ready >= data.ahead) {
      await new Promise<void>((resolve) => {
        taken = resolve;
      });
    }
    const batch = encoder.finish();
    if (unencodable !== undefined) post({ kind: 'unencodable', members, error: loadBatchError(unencodable).toJSON() });
    else post({ kind: 'batch', members, batch }, loadBatchTransfers(batch));
    ready++;
    members = [];
    unencodable = undefined;
  };

  for await (const input of readOrganizationInputs(data.files, data.rules)) {
    if ('error' in input) {
      post({ kind: 'refused', place: input.place, id: null, error: input.error.toJSON() });
      continue;
    }
    const { place, organization } = input;
    const first = seen.get(organization.id);
    const claims = mcidClaims(organization);
    const refusal = first
      ? duplicateOrganization(organization.id, place, first)
      : (writeRefusal(organization) ??
        takenError(
          claims.flatMap((claim) => {
            const holder = claimed.get(claim.mcid);
            return holder === undefined || holder === organization.id ? [] : [{ claim, holder }];
          }),
        ));
    if (refusal) {
      post({ kind: 'refused', place, id: organization.id, error: refusal.toJSON() });
      continue;
    }
    seen.set(organization.id, place);
    for (const claim of claims) claimed.set(claim.mcid, organization.id);
    members.push({ place, id: organization.id });
    // Encoded now, so that the organization's objects die young; a value that cannot be encoded fails its batch.
    try {
      if (unencodable === undefined) encoder.add(organization);
    } catch (error) {
      unencodable = error;
    }
    if (members.length >= data.batchSize) await flush();
  }
  await flush();
  post({ kind: 'done' });
  port.close();
}

if (parentPort) await main(parentPort, workerData as LoadWorkerData);
