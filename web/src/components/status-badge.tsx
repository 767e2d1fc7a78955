import type { LevelStatus } from '../../../src/engine/evaluation-types.js';
import { useSession } from '../lib/session.js';

const MARK: Record<LevelStatus, string> = { attained: '✔', 'not-attained': '✘', undetermined: '?' };

/** A level's status in words with a mark, never by colour alone. */
export function StatusBadge(props: { readonly status: string; readonly label?: string }) {
  const { m } = useSession();
  const status = (props.status in MARK ? props.status : 'undetermined') as LevelStatus;
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {props.label ? `${props.label}: ` : ''}
      {m.levelStatus[status]}
    </span>
  );
}
