import { AttainError } from '../core/attain-error.js';
import type { Organization } from '../engine/organization.js';
import type { OrganizationRules } from '../engine/organization-rules.js';
import { parseOrganization } from '../engine/parse-organization.js';
import { readOrganizationFile } from '../importers/read-organization-file.js';
import { type OptionSpec, usage } from './parse-args.js';
import { dataDirOption, openStoreOrServer } from './store-option.js';

/** `--org ID`: a stored organization instead of a file, for the commands that read one. */
export const storedOrgOptions: readonly OptionSpec[] = [
  {
    name: 'org',
    value: 'ID',
    repeatable: true,
    description: {
      en: 'a stored organization instead of a file (from the store, or the attain serve that holds it)',
      'zh-TW': '改用儲存區中的組織，而非檔案（從儲存區讀取，或經由持有它的 attain serve）',
      'ko-KR': '파일 대신 저장된 조직(저장소에서, 또는 저장소를 연 attain serve를 통해 읽음)',
    },
  },
  dataDirOption,
];

/** The `--org` ids given, in order. */
export function storedOrgIds(options: Readonly<Record<string, unknown>>): readonly string[] {
  const value = options.org;
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

/**
 * Reads stored organizations: from the store, or through the `attain serve` that holds it. Through the server the
 * organization file is fetched and validated again here, as a file would be, so what is evaluated is the same.
 */
export async function readStoredOrganizations(
  ids: readonly string[],
  options: Readonly<Record<string, unknown>>,
  rules: OrganizationRules,
): Promise<readonly Organization[]> {
  if (ids.length === 0) return [];
  const target = await openStoreOrServer(options);
  if (target.kind === 'server') {
    const found = [];
    for (const id of ids) {
      found.push(parseOrganization(await target.client.json('GET', `/api/orgs/${encodeURIComponent(id)}`), rules));
    }
    return found;
  }
  try {
    const found = [];
    for (const id of ids) {
      const organization = await target.store.getOrganization(id);
      if (!organization) {
        throw new AttainError('store.not-found', `there is no organization "${id}" in ${target.where}`, [
          { code: 'store.not-found', path: '--org', params: { id } },
        ]);
      }
      found.push(organization);
    }
    return found;
  } finally {
    await target.store.close();
  }
}

/** The one organization a command works on: the file named, else the one stored organization `--org` names. */
export async function readOneOrganization(
  file: string | undefined,
  options: Readonly<Record<string, unknown>>,
  rules: OrganizationRules,
): Promise<Organization> {
  const ids = storedOrgIds(options);
  if (file !== undefined ? ids.length > 0 : ids.length !== 1) {
    throw usage('cli.organization.one');
  }
  if (file !== undefined) return readOrganizationFile(file, rules);
  return (await readStoredOrganizations(ids, options, rules))[0] as Organization;
}
