import { type FormEvent, useId, useState } from 'react';
import type { UiMessages } from '../i18n/index.js';

/** Asks for a token; the session checks it with `GET /api/me`. */
export function SignInPage(props: {
  readonly t: UiMessages;
  readonly failed: boolean;
  readonly busy: boolean;
  readonly onSubmit: (token: string) => void;
}) {
  const { t } = props;
  const id = useId();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) props.onSubmit(token);
  };
  // A remembered or just-entered token is being checked: no form to fill meanwhile.
  if (props.busy)
    return (
      <p className="loading" role="status">
        {t.loading}
      </p>
    );
  return (
    <section className="sign-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t.token}</label>
          <input
            id={id}
            name="token"
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={props.failed}
            aria-describedby={props.failed ? `${id}-error` : undefined}
            required
          />
        </div>
        {props.failed && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {t.signInFailed}
          </p>
        )}
        <button type="submit" className="primary">
          {t.signIn}
        </button>
      </form>
    </section>
  );
}
