import type { Locale } from '../core/localized.js';
import { withParticle } from './korean-particles.js';
import { padDisplay } from './pad-display.js';

/** How a bulk load ended, for its summary. */
export interface LoadSummary {
  readonly total: number;
  readonly created: number;
  readonly replaced: number;
  readonly refused: number;
  readonly failed: number;
  readonly seconds: number;
  /** Batches written, and those that rolled back (numbered from 1, with the organizations they held). */
  readonly batches: readonly { readonly batch: number; readonly landed: boolean; readonly organizations: number }[];
}

type LoadStatus = 'created' | 'replaced' | 'refused' | 'failed';

interface LoadText {
  readonly status: Record<LoadStatus, string>;
  readonly progress: (loaded: string, total: string) => string;
  readonly loaded: (loaded: string, total: string, created: string, replaced: string, seconds: string) => string;
  readonly refused: (n: string) => string;
  readonly failed: (batches: string, organizations: string, landed: string) => string;
  readonly batch: (n: number) => string;
}

const TEXT: Record<Locale, LoadText> = {
  en: {
    status: { created: 'created', replaced: 'replaced', refused: 'refused', failed: 'failed' },
    progress: (loaded, total) => `loaded ${loaded} of ${total} organizations`,
    loaded: (l, t, c, r, s) => `Loaded ${l} of ${t} organizations (${c} created, ${r} replaced) in ${s} s.`,
    refused: (n) => `${n} refused: not loaded, the others were (see above).`,
    failed: (b, o, l) => `Not written: ${b} (${o} organizations) rolled back; landed: ${l}. Load those organizations again.`,
    batch: (n) => `batch ${n}`,
  },
  'zh-TW': {
    status: { created: '新建', replaced: '取代', refused: '拒絕', failed: '失敗' },
    progress: (loaded, total) => `已載入 ${loaded} / ${total} 個組織`,
    loaded: (l, t, c, r, s) => `已載入 ${l} / ${t} 個組織（新建 ${c}、取代 ${r}），耗時 ${s} 秒。`,
    refused: (n) => `${n} 個被拒絕：未載入，其餘已載入（見上方）。`,
    failed: (b, o, l) => `未寫入：${b}（${o} 個組織）已復原；已寫入：${l}。請再次載入這些組織。`,
    batch: (n) => `批次 ${n}`,
  },
  'ko-KR': {
    status: { created: '생성', replaced: '교체', refused: '거부', failed: '실패' },
    progress: (loaded, total) => `조직 ${total}곳 중 ${loaded}곳 불러옴`,
    loaded: (l, t, c, r, s) => `조직 ${t}곳 중 ${l}곳을 불러왔습니다(생성 ${c}, 교체 ${r}, ${s}초).`,
    refused: (n) => `${n}곳 거부: 이 조직은 불러오지 않았고 나머지는 불러왔습니다(위 참조).`,
    failed: (b, o, l) =>
      `기록되지 않음: ${withParticle(`${b}(조직 ${o}곳)`, '이/가')} 롤백되었습니다. 기록됨: ${l}. 해당 조직을 다시 불러오세요.`,
    batch: (n) => `배치 ${n}`,
  },
};

const count = (locale: Locale, n: number) => n.toLocaleString(locale);

/** One organization's line of the report: its status, id and where it was read. */
export function renderLoadLine(status: LoadStatus, id: string, place: string, locale: Locale, batch?: number): string {
  const text = TEXT[locale];
  return `${padDisplay(text.status[status], 9)}${id ? `${id}  ` : ''}${place}${batch === undefined ? '' : ` (${text.batch(batch)})`}\n`;
}

/** The progress line written to stderr while a load runs. */
export function renderLoadProgress(loaded: number, total: number, locale: Locale): string {
  return `${TEXT[locale].progress(count(locale, loaded), count(locale, total))}\n`;
}

/** The closing summary: what was loaded, what was refused, and which batches landed when some did not. */
export function renderLoadSummary(summary: LoadSummary, locale: Locale): string {
  const text = TEXT[locale];
  const n = (x: number) => count(locale, x);
  const lines = [
    text.loaded(
      n(summary.created + summary.replaced),
      n(summary.total),
      n(summary.created),
      n(summary.replaced),
      summary.seconds.toFixed(1),
    ),
  ];
  if (summary.refused > 0) lines.push(text.refused(n(summary.refused)));
  const failed = summary.batches.filter((b) => !b.landed);
  if (failed.length > 0) {
    const landed = summary.batches.filter((b) => b.landed).map((b) => b.batch);
    lines.push(
      text.failed(
        failed.map((b) => text.batch(b.batch)).join(', '),
        n(failed.reduce((sum, b) => sum + b.organizations, 0)),
        landed.length === 0 ? '—' : ranges(landed),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** 1, 2, 3, 5 → "1–3, 5". */
function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j++;
    parts.push(i === j ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
