import { useId } from 'react';
import { isIsoDay, todayIso } from '../lib/dates.js';
import { useSession } from '../lib/session.js';

/** The date every evaluation, plan and forecast is made as of; kept in the URL so a link shows the same day. */
export function AsOfPicker() {
  const { asOf, setAsOf, t } = useSession();
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t.asOf}</label>
      <input
        id={id}
        type="date"
        data-testid="as-of"
        value={asOf}
        required
        onChange={(e) => {
          if (isIsoDay(e.target.value)) setAsOf(e.target.value);
        }}
      />
      <button type="button" className="link-button" onClick={() => setAsOf(todayIso())}>
        {t.today}
      </button>
    </div>
  );
}
