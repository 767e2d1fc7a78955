import { isAttainError } from '../../core/attain-error.js';
import { MESSAGES } from '../../render/messages.js';
import { ROLES, type Role, type TokenRecord } from '../../store/store.js';
import { chooseLocale, langOption } from '../common-options.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

const TOKEN_USAGE = 'token create --role ROLE [--org ID] | attain token list | attain token revoke ID';

export const tokenOptions: readonly OptionSpec[] = [
  {
    name: 'role',
    value: 'ROLE',
    choices: ROLES,
    description: {
      en: 'admin (every organization), partner (read and write its own), viewer (read its own)',
      'zh-TW': 'admin（所有組織）、partner（讀寫自己的組織）、viewer（只讀自己的組織）',
      'ko-KR': 'admin(모든 조직), partner(자기 조직 읽기와 쓰기), viewer(자기 조직 읽기)',
    },
  },
  {
    name: 'org',
    value: 'ID',
    description: {
      en: 'the organization a partner or viewer token is for',
      'zh-TW': 'partner 或 viewer 權杖所屬的組織',
      'ko-KR': 'partner 또는 viewer 토큰이 속한 조직',
    },
  },
  {
    name: 'label',
    value: 'TEXT',
    description: {
      en: 'a note to tell tokens apart',
      'zh-TW': '用來區分權杖的備註',
      'ko-KR': '토큰을 구별하기 위한 메모',
    },
  },
  dataDirOption,
  langOption,
];

const ACTOR = { kind: 'cli', id: 'attain token' } as const;

type TokenInput = { readonly role: Role; readonly org: string | null; readonly label?: string };

/** Tokens managed on the store itself, or through the `attain serve` that holds it (then audited as its local token). */
interface TokenAdmin {
  create(input: TokenInput): Promise<{ readonly secret: string; readonly token: TokenRecord }>;
  list(): Promise<readonly TokenRecord[]>;
  revoke(id: string): Promise<boolean>;
  close(): Promise<void>;
}

async function tokenAdmin(options: Readonly<Record<string, unknown>>): Promise<TokenAdmin> {
  const target = await openStoreOrServer(options);
  if (target.kind === 'store') {
    const { store } = target;
    return {
      create: (input) => store.createToken(input, ACTOR),
      list: () => store.listTokens(),
      revoke: (id) => store.revokeToken(id, ACTOR),
      close: () => store.close(),
    };
  }
  const { client } = target;
  return {
    create: (input) => client.json('POST', '/api/tokens', { body: input }),
    list: async () => (await client.json<{ tokens: TokenRecord[] }>('GET', '/api/tokens')).tokens,
    revoke: async (id) => {
      try {
        await client.json('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
        return true;
      } catch (error) {
        if (isAttainError(error) && error.code === 'token.not-found') return false;
        throw error;
      }
    },
    close: async () => undefined,
  };
}

/** `attain token create|list|revoke`, on the store or, while `attain serve` holds the embedded store, through it. */
export async function tokenCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, tokenOptions);
  const words = MESSAGES[chooseLocale(options.lang)].cli;
  const [action, id] = positionals;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    throw usage('cli.arguments.missing', { command: 'token', usage: TOKEN_USAGE });
  }
  if (action === 'create') {
    const role = options.role as Role | undefined;
    if (!role)
      throw usage('cli.arguments.missing', {
        command: 'token create',
        usage: 'token create --role admin|partner|viewer [--org ID]',
      });
    const org = typeof options.org === 'string' ? options.org : null;
    if (role !== 'admin' && org === null) throw usage('token.org-required', { role });
    const tokens = await tokenAdmin(options);
    try {
      const label = typeof options.label === 'string' ? options.label : undefined;
      const { secret, token } = await tokens.create({ role, org: role === 'admin' ? null : org, ...(label && { label }) });
      write(`${secret}\n`);
      process.stderr.write(`${words.tokenCreated(token.id, token.role, token.org)}\n`);
    } finally {
      await tokens.close();
    }
    return 0;
  }
  if (action === 'revoke' && !id) throw usage('cli.arguments.missing', { command: 'token revoke', usage: 'token revoke ID' });
  const tokens = await tokenAdmin(options);
  try {
    if (action === 'list') {
      for (const t of await tokens.list()) {
        const state = t.revokedAt ? words.tokenRevokedOn(t.revokedAt) : words.tokenLive;
        write(`${t.id}\t${t.role}\t${t.org ?? '*'}\t${state}\t${t.label ?? ''}\n`);
      }
      return 0;
    }
    if (!(await tokens.revoke(id as string))) throw usage('cli.token.unknown', { id: id as string });
    write(`${words.tokenRevoked(id as string)}\n`);
    return 0;
  } finally {
    await tokens.close();
  }
}
