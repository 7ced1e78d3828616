import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { useSignIn } from '../api/session';
import { ProblemAlert } from '../ui/problem-alert';

/** Email and password; then, for accounts with two-factor sign-in, the authenticator code. */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);

  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Keel';
  }, []);
  // The email field that had focus is gone once the code is asked for: focus its replacement.
  useEffect(() => {
    if (needsCode) codeInput.current?.focus();
  }, [needsCode]);

  const askedForCode = signIn.error instanceof ApiError && signIn.error.code === 'TOTP_REQUIRED';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate(needsCode ? { email, password, totp } : { email, password }, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') setNeedsCode(true);
      },
    });
  }

  function startOver() {
    setNeedsCode(false);
    setTotp('');
    setPassword('');
    signIn.reset();
  }

  return (
    <main className="sign-in">
      <form className="card sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="brand">Keel</p>
        <h1 id="sign-in-title">{needsCode ? 'Two-step verification' : 'Sign in'}</h1>
        {!askedForCode && <ProblemAlert error={signIn.error} shownFields={['email', 'password']} />}
        {needsCode ? (
          <>
            <p className="muted">Enter the 6-digit code from your authenticator app for {email}.</p>
            <div className="field">
              <label htmlFor="sign-in-totp">Authentication code</label>
              <input
                id="sign-in-totp"
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                ref={codeInput}
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              />
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="sign-in-email">Email</label>
              <input
                id="sign-in-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="sign-in-password">Password</label>
              <input
                id="sign-in-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </>
        )}
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : needsCode ? 'Verify' : 'Sign in'}
        </button>
        {needsCode && (
          <button type="button" className="button button--link" onClick={startOver}>
            Use a different account
          </button>
        )}
      </form>
    </main>
  );
}
