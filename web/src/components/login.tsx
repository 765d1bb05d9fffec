import { useState } from 'preact/hooks';

interface Props {
  /** Why the person is asked (again): the API's reason for refusing the last credential. */
  reason: string | null;
  onSignIn: (credential: string) => void;
}

/** Asks for an API key or a bearer token; the API decides whether it is good (a 401 brings the person back here). */
export function Login({ reason, onSignIn }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const credential = (form.elements.namedItem('credential') as HTMLInputElement).value.trim();
    if (credential === '') {
      setProblem('Enter your API key or token');
      return;
    }
    onSignIn(credential);
  };
  const message = problem ?? reason;
  return (
    <main id="main" class="login">
      <h1>Always Events dashboard</h1>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">Sign in</h2>
        {message && (
          <div class="error-panel" role="alert" data-testid="sign-in-problem">
            <p>{message}</p>
          </div>
        )}
        <label for="credential">API key or bearer token</label>
        <p id="credential-hint" class="hint">
          An API key (aek_…) or an OIDC access token. It is kept in this browser tab only, and forgotten when
          you sign out or close the tab.
        </p>
        <input
          id="credential"
          name="credential"
          type="password"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="credential-hint"
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
