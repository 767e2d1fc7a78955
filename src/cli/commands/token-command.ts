import { ROLES, type Role } from '../../store/store.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOption } from '../store-option.js';

export const tokenOptions: readonly OptionSpec[] = [
  {
    name: 'role',
    value: 'ROLE',
    choices: ROLES,
    description: 'admin (every organization), partner (read and write its own), viewer (read its own)',
  },
  { name: 'org', value: 'ID', description: 'the organization a partner or viewer token is for' },
  { name: 'label', value: 'TEXT', description: 'a note to tell tokens apart' },
  dataDirOption,
];

const ACTOR = { kind: 'cli', id: 'attain token' } as const;

/** `attain token create|list|revoke`: run while the server is stopped (the embedded store has one user at a time). */
export async function tokenCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, tokenOptions);
  const [action, id] = positionals;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    throw usage('attain token create --role ROLE [--org ID] | attain token list | attain token revoke ID');
  }
  if (action === 'create') {
    const role = options.role as Role | undefined;
    if (!role) throw usage('token create needs --role admin|partner|viewer');
    const org = typeof options.org === 'string' ? options.org : null;
    if (role !== 'admin' && org === null) throw usage(`a ${role} token needs --org ID`);
    const { store } = await openStoreOption(options);
    try {
      const label = typeof options.label === 'string' ? options.label : undefined;
      const { secret, token } = await store.createToken(
        { role, org: role === 'admin' ? null : org, ...(label && { label }) },
        ACTOR,
      );
      write(`${secret}\n`);
      process.stderr.write(
        `token ${token.id} (${token.role}${token.org ? ` for ${token.org}` : ''}); the secret above is shown only once\n`,
      );
    } finally {
      await store.close();
    }
    return 0;
  }
  const { store } = await openStoreOption(options);
  try {
    if (action === 'list') {
      for (const t of await store.listTokens()) {
        write(`${t.id}\t${t.role}\t${t.org ?? '*'}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}\t${t.label ?? ''}\n`);
      }
      return 0;
    }
    if (!id) throw usage('token revoke needs the token id (see attain token list)');
    if (!(await store.revokeToken(id, ACTOR))) throw usage(`no live token "${id}"`);
    write(`revoked ${id}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
