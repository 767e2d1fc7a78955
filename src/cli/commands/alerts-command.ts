import type { SubscriptionChange, SubscriptionInput } from '../../alerts/alert-types.js';
import {
  ALERT_EVENTS,
  type AlertDelivery,
  type AlertEvent,
  type AlertSubscription,
  MAX_LEAD_DAYS,
} from '../../alerts/alert-types.js';
import { alertHttpHosts, checkAlertUrl } from '../../alerts/check-alert-url.js';
import { AttainError } from '../../core/attain-error.js';
import { MESSAGES } from '../../render/messages.js';
import { chooseLocale, formatOption, langOption } from '../common-options.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

const ALERTS_USAGE =
  'alerts list [--org ID] | add --url URL (--org ID | --all) [--events E,E] [--lead-days N] | enable|disable|rotate|remove ID | log [--org ID]';

export const alertsOptions: readonly OptionSpec[] = [
  {
    name: 'org',
    value: 'ID',
    description: {
      en: 'the organization (add: subscribe to it; list, log: only its own)',
      'zh-TW': '組織（add：訂閱此組織；list、log：只列出此組織的項目）',
      'ko-KR': '조직(add: 이 조직을 구독, list, log: 이 조직의 것만)',
    },
  },
  {
    name: 'all',
    description: { en: 'add: subscribe to every organization', 'zh-TW': 'add：訂閱所有組織', 'ko-KR': 'add: 모든 조직을 구독' },
  },
  {
    name: 'url',
    value: 'URL',
    description: {
      en: 'add: the webhook (https; http only to the hosts in ATTAIN_ALERT_HTTP_HOSTS)',
      'zh-TW': 'add：webhook 網址（https；http 只限 ATTAIN_ALERT_HTTP_HOSTS 中的主機）',
      'ko-KR': 'add: 웹후크 주소(https, http는 ATTAIN_ALERT_HTTP_HOSTS에 있는 호스트만)',
    },
  },
  {
    name: 'events',
    value: 'E,E',
    description: {
      en: `add: any of ${ALERT_EVENTS.join(', ')} (default at-risk,lapse)`,
      'zh-TW': `add：${ALERT_EVENTS.join('、')} 中的任意幾項（預設 at-risk,lapse）`,
      'ko-KR': `add: ${ALERT_EVENTS.join(', ')} 중 원하는 것(기본값 at-risk,lapse)`,
    },
  },
  {
    name: 'lead-days',
    value: 'N',
    description: {
      en: `add: announce a level at risk this many days before its loss (0-${MAX_LEAD_DAYS}, default 30)`,
      'zh-TW': `add：在級別失去前這麼多天通知其面臨風險（0-${MAX_LEAD_DAYS}，預設 30）`,
      'ko-KR': `add: 등급을 잃기 이만큼 며칠 전에 상실 위험을 알립니다(0-${MAX_LEAD_DAYS}, 기본값 30)`,
    },
  },
  {
    name: 'label',
    value: 'TEXT',
    description: {
      en: 'add: a note to tell subscriptions apart',
      'zh-TW': 'add：用來區分訂閱的備註',
      'ko-KR': 'add: 구독을 구별하기 위한 메모',
    },
  },
  {
    name: 'subscription',
    value: 'ID',
    description: {
      en: "log: only this subscription's deliveries",
      'zh-TW': 'log：只列出此訂閱的傳送記錄',
      'ko-KR': 'log: 이 구독의 전송 기록만',
    },
  },
  {
    name: 'limit',
    value: 'N',
    description: {
      en: 'log: how many deliveries, newest first (default 50)',
      'zh-TW': 'log：傳送記錄的筆數，最新的在前（預設 50）',
      'ko-KR': 'log: 표시할 전송 기록 수, 최신순(기본값 50)',
    },
  },
  {
    name: 'before',
    value: 'ID',
    description: {
      en: 'log: deliveries older than this one (the next page)',
      'zh-TW': 'log：比這一筆更早的傳送記錄（下一頁）',
      'ko-KR': 'log: 이 기록보다 오래된 전송 기록(다음 페이지)',
    },
  },
  formatOption,
  langOption,
  dataDirOption,
];

const ACTOR = { kind: 'cli', id: 'attain alerts' } as const;
const DEFAULT_LEAD_DAYS = 30;

/** Alerts managed on the store itself, or through the `attain serve` that holds it. */
interface AlertAdmin {
  list(org: string | undefined): Promise<readonly AlertSubscription[]>;
  add(input: SubscriptionInput): Promise<{ readonly subscription: AlertSubscription; readonly secret: string }>;
  change(id: string, change: SubscriptionChange): Promise<AlertSubscription | undefined>;
  rotate(id: string): Promise<{ readonly subscription: AlertSubscription; readonly secret: string } | undefined>;
  remove(id: string): Promise<boolean>;
  log(filter: { org?: string; subscription?: string; before?: string; limit: number }): Promise<readonly AlertDelivery[]>;
  close(): Promise<void>;
}

async function alertAdmin(options: Readonly<Record<string, unknown>>): Promise<AlertAdmin> {
  const target = await openStoreOrServer(options);
  if (target.kind === 'store') {
    const { store } = target;
    const hosts = alertHttpHosts(process.env.ATTAIN_ALERT_HTTP_HOSTS);
    return {
      list: (org) => store.alerts.subscriptions(org === undefined ? {} : { org }),
      add: (input) => store.alerts.subscribe({ ...input, url: checkAlertUrl(input.url, hosts) }, ACTOR),
      change: (id, change) => store.alerts.update(id, change, ACTOR),
      rotate: (id) => store.alerts.rotateSecret(id, ACTOR),
      remove: (id) => store.alerts.unsubscribe(id, ACTOR),
      log: (filter) => store.alerts.deliveries(filter),
      close: () => store.close(),
    };
  }
  const { client } = target;
  const missing = <T>(promise: Promise<T>): Promise<T | undefined> =>
    promise.catch((error: unknown) => {
      if (error instanceof AttainError && error.code === 'alert.not-found') return undefined;
      throw error;
    });
  return {
    list: async (org) =>
      (await client.json<{ subscriptions: AlertSubscription[] }>('GET', '/api/alerts', { query: { org } })).subscriptions,
    add: (input) => client.json('POST', '/api/alerts', { body: input }),
    change: (id, change) => missing(client.json('PATCH', `/api/alerts/${encodeURIComponent(id)}`, { body: change })),
    rotate: (id) => missing(client.json('POST', `/api/alerts/${encodeURIComponent(id)}/secret`)),
    remove: async (id) =>
      (await missing(client.json('DELETE', `/api/alerts/${encodeURIComponent(id)}`).then(() => true))) ?? false,
    log: async (filter) =>
      (
        await client.json<{ deliveries: AlertDelivery[] }>('GET', '/api/alerts/deliveries', {
          query: { ...filter, limit: Math.min(filter.limit, 200) },
        })
      ).deliveries,
    close: async () => undefined,
  };
}

/** `attain alerts …`: the operator's webhook subscriptions and their send log, on the store or through `attain serve`. */
export async function alertsCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, alertsOptions);
  const [action, id] = positionals;
  const words = MESSAGES[chooseLocale(options.lang)].cli;
  const org = typeof options.org === 'string' ? options.org : undefined;
  const needsId = action === 'enable' || action === 'disable' || action === 'rotate' || action === 'remove';
  if (!(action === 'list' || action === 'add' || action === 'log' || needsId)) {
    throw usage('cli.arguments.missing', { command: 'alerts', usage: ALERTS_USAGE });
  }
  if (needsId && !id) throw usage('cli.arguments.missing', { command: `alerts ${action}`, usage: `alerts ${action} ID` });
  const input = action === 'add' ? subscriptionInput(options, org) : undefined;
  const limit = wholeNumber(options.limit, 'limit', 1, 10_000) ?? 50;
  const alerts = await alertAdmin(options);
  try {
    if (action === 'list') {
      for (const s of await alerts.list(org)) write(`${subscriptionLine(s)}\n`);
      return 0;
    }
    if (input) {
      const { subscription, secret } = await alerts.add(input);
      write(`${secret}\n`);
      process.stderr.write(`${subscriptionLine(subscription)}\n${words.alertSecret(subscription.id)}\n`);
      return 0;
    }
    if (action === 'log') {
      const deliveries = await alerts.log({
        limit,
        ...(org !== undefined && { org }),
        ...(typeof options.subscription === 'string' && { subscription: options.subscription }),
        ...(typeof options.before === 'string' && { before: options.before }),
      });
      if (options.format === 'json') write(`${JSON.stringify({ deliveries }, null, 2)}\n`);
      else for (const d of deliveries) write(`${deliveryLine(d)}\n`);
      return 0;
    }
    const target = id as string;
    if (action === 'rotate') {
      const rotated = await alerts.rotate(target);
      if (!rotated) throw notFound(target);
      write(`${rotated.secret}\n`);
      process.stderr.write(`${words.alertSecret(target)}\n`);
      return 0;
    }
    if (action === 'remove') {
      if (!(await alerts.remove(target))) throw notFound(target);
      process.stderr.write(`${words.alertRemoved(target)}\n`);
      return 0;
    }
    const changed = await alerts.change(target, { enabled: action === 'enable' });
    if (!changed) throw notFound(target);
    write(`${subscriptionLine(changed)}\n`);
    return 0;
  } finally {
    await alerts.close();
  }
}

function subscriptionInput(options: Readonly<Record<string, unknown>>, org: string | undefined): SubscriptionInput {
  const url = options.url;
  if (typeof url !== 'string' || (org === undefined) === (options.all !== true)) {
    throw usage('cli.arguments.missing', {
      command: 'alerts add',
      usage: 'alerts add --url URL (--org ID | --all) [--events at-risk,lapse,attained] [--lead-days N]',
    });
  }
  const events = (typeof options.events === 'string' ? options.events : 'at-risk,lapse').split(',').map((e) => e.trim());
  for (const event of events) {
    if (!(ALERT_EVENTS as readonly string[]).includes(event)) {
      throw usage('cli.option.choice', { option: 'events', value: event, choices: ALERT_EVENTS.join(', ') });
    }
  }
  return {
    org: org ?? null,
    url,
    events: events as AlertEvent[],
    leadDays: wholeNumber(options['lead-days'], 'lead-days', 0, MAX_LEAD_DAYS) ?? DEFAULT_LEAD_DAYS,
    ...(typeof options.label === 'string' && { label: options.label }),
  };
}

function wholeNumber(value: unknown, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value === 'string' && /^\d+$/.test(value) && n >= min && n <= max) return n;
  throw usage('cli.option.number', {
    option,
    value: String(value),
    min,
    max,
    ...(option === 'lead-days' && { unit: 'days' as const }),
  });
}

/** One subscription, tab-separated: id, organization (* for every one), enabled, events, lead days, address, label. */
function subscriptionLine(s: AlertSubscription): string {
  return [
    s.id,
    s.org ?? '*',
    s.enabled ? 'enabled' : 'disabled',
    s.events.join(','),
    `${s.leadDays}d`,
    s.url,
    s.label ?? '',
  ].join('\t');
}

/** One delivery, tab-separated: id, when, status, event, organization, level, day of the change, attempts, last answer. */
function deliveryLine(d: AlertDelivery): string {
  const last = d.attempts.at(-1);
  const answer = last === undefined ? '' : (last.error ?? String(last.statusCode));
  return [
    d.id,
    d.createdAt,
    d.status,
    d.event,
    d.org,
    `${d.competency}/${d.option}/${d.level}`,
    d.date,
    `sub ${d.subscription}`,
    `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`,
    answer,
  ].join('\t');
}

function notFound(id: string): AttainError {
  return usage('alert.not-found', { id });
}
