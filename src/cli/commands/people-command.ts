import type { ClaimedTwicePage } from '../../store/claimed-twice.js';
import { formatOption } from '../common-options.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

const PEOPLE_USAGE = 'people --claimed-twice [--offset N] [--limit N] [--format json]';

export const peopleOptions: readonly OptionSpec[] = [
  {
    name: 'claimed-twice',
    description: {
      en: 'individuals two organizations claim (one email, or a refused MCID)',
      'zh-TW': '被兩個組織認列的個人（同一個電子郵件，或被拒絕的 MCID）',
      'ko-KR': '두 조직이 함께 주장하는 개인(같은 이메일, 또는 거부된 MCID)',
    },
  },
  {
    name: 'offset',
    value: 'N',
    description: {
      en: 'skip this many individuals (default 0)',
      'zh-TW': '略過前幾位個人（預設 0）',
      'ko-KR': '건너뛸 개인 수(기본값 0)',
    },
  },
  {
    name: 'limit',
    value: 'N',
    description: {
      en: 'at most this many individuals (default 50, at most 500)',
      'zh-TW': '最多列出幾位個人（預設 50，最多 500）',
      'ko-KR': '최대 표시할 개인 수(기본값 50, 최대 500)',
    },
  },
  formatOption,
  dataDirOption,
];

/**
 * `attain people --claimed-twice`: the operator's list of individuals two organizations claim, on the store or through
 * the `attain serve` that holds it. Text is one tab-separated line per claim, as `attain token list` writes tokens:
 * identity, claim, organization, person, and when (the data's last change, or the first and last refusal).
 */
export async function peopleCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { options } = parseArgs(argv, peopleOptions);
  if (options['claimed-twice'] !== true) throw usage('cli.arguments.missing', { command: 'people', usage: PEOPLE_USAGE });
  const paging = {
    ...(typeof options.offset === 'string' && { offset: wholeNumber('offset', options.offset) }),
    ...(typeof options.limit === 'string' && { limit: wholeNumber('limit', options.limit) }),
  };
  const target = await openStoreOrServer(options);
  let page: ClaimedTwicePage;
  try {
    page =
      target.kind === 'store'
        ? await target.store.claimedTwice(paging)
        : await target.client.json<ClaimedTwicePage>('GET', '/api/people/claimed-twice', { query: paging });
  } finally {
    if (target.kind === 'store') await target.store.close();
  }
  if (options.format === 'json') {
    write(`${JSON.stringify(page, null, 2)}\n`);
    return 0;
  }
  for (const row of page.rows) {
    for (const claim of row.claims) {
      const when =
        claim.status === 'listed'
          ? claim.orgChanged
          : `${claim.firstRefused}..${claim.lastRefused} (${claim.times}×)${claim.orgExists ? '' : ' not stored'}`;
      write(`${row.kind} ${row.identity}\t${claim.status}\t${claim.org}\t${claim.person}\t${when}\n`);
    }
  }
  process.stderr.write(`${page.rows.length} of ${page.total} individuals from ${page.offset + 1}\n`);
  return 0;
}

function wholeNumber(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw usage('cli.option.number', { option: name, value: text, min: 0 });
  return n;
}
