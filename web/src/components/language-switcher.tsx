import { useId } from 'react';
import { isLocale, LOCALES, type Locale } from '../../../src/core/localized.js';
import { LANGUAGE_NAMES } from '../i18n/index.js';

/** Chooses the language of every word, number, amount and date, and of the catalog's names. */
export function LanguageSwitcher(props: {
  readonly locale: Locale;
  readonly label: string;
  readonly onChange: (l: Locale) => void;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-testid="language"
        value={props.locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) props.onChange(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
