import { useSession } from '../lib/session.js';

/** Previous / next for a long table, with "21–40 of 10,000" read out. */
export function Pager(props: {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
  readonly label: string;
}) {
  const { t, locale } = useSession();
  const n = new Intl.NumberFormat(locale);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const first = props.total === 0 ? 0 : props.page * props.pageSize + 1;
  const last = Math.min(props.total, (props.page + 1) * props.pageSize);
  return (
    <nav className="pager" aria-label={props.label}>
      <button type="button" onClick={() => props.onPage(props.page - 1)} disabled={props.page <= 0}>
        {t.previous}
      </button>
      <span aria-live="polite">{t.rowsShown(n.format(first), n.format(last), n.format(props.total))}</span>
      <button type="button" onClick={() => props.onPage(props.page + 1)} disabled={props.page >= pages - 1}>
        {t.next}
      </button>
    </nav>
  );
}
