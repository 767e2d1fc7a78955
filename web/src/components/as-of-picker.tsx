import { dateFieldOrder, dayName, daysInMonth, isoOf, monthNames, yearChoices, yearName } from '../lib/date-fields.js';
import { todayIso } from '../lib/dates.js';
import { useSession } from '../lib/session.js';

/**
 * The date every evaluation, plan and forecast is made as of; kept in the URL so a link shows the same day. Three
 * selects rather than the browser's date input, whose format and calendar follow the browser's language and stayed
 * English on a Korean page: these are in the page's language and its order of year, month and day.
 */
export function AsOfPicker() {
  const { asOf, setAsOf, t, locale } = useSession();
  const [year = 2018, month = 1, day = 1] = asOf.split('-').map(Number);
  const thisYear = Number(todayIso().slice(0, 4));
  const months = monthNames(locale);
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1);
  const fields = {
    year: (
      <select
        key="year"
        aria-label={t.dateYear}
        data-testid="as-of-year"
        value={year}
        onChange={(e) => setAsOf(isoOf(Number(e.target.value), month, day))}
      >
        {yearChoices(year, thisYear).map((y) => (
          <option key={y} value={y}>
            {yearName(locale, y)}
          </option>
        ))}
      </select>
    ),
    month: (
      <select
        key="month"
        aria-label={t.dateMonth}
        data-testid="as-of-month"
        value={month}
        onChange={(e) => setAsOf(isoOf(year, Number(e.target.value), day))}
      >
        {months.map((name, i) => (
          <option key={name} value={i + 1}>
            {name}
          </option>
        ))}
      </select>
    ),
    day: (
      <select
        key="day"
        aria-label={t.dateDay}
        data-testid="as-of-day"
        value={day}
        onChange={(e) => setAsOf(isoOf(year, month, Number(e.target.value)))}
      >
        {days.map((d) => (
          <option key={d} value={d}>
            {dayName(locale, d)}
          </option>
        ))}
      </select>
    ),
  } as const;
  return (
    <fieldset className="field field-inline as-of" data-testid="as-of-picker">
      <legend>{t.asOf}</legend>
      {/* The day the three fields make, as one value (`YYYY-MM-DD`), as a form or a test reads a date input's. */}
      <input type="hidden" name="asOf" value={asOf} data-testid="as-of" />
      <span className="as-of-fields">{dateFieldOrder(locale).map((field) => fields[field])}</span>
      <button type="button" className="link-button" onClick={() => setAsOf(todayIso())}>
        {t.today}
      </button>
    </fieldset>
  );
}
