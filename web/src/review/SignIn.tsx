import { useState } from "react";
import { credentialKind, signIn, signOut, useBearerToken } from "./session";

/** Sign in with an API key or a JWT for this tab; sign out forgets it. Decisions need write permission, reading needs none. */
export function SignIn() {
  const token = useBearerToken();
  const [draft, setDraft] = useState("");
  if (token) {
    return (
      <div className="sign-in signed-in" role="region" aria-label="Sign-in">
        <span>
          Signed in with {credentialKind(token) === "JWT" ? "a JWT" : "an API key"} <span className="muted">(kept for this tab only)</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form
      className="sign-in"
      aria-label="Sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) signIn(draft);
        setDraft("");
      }}
    >
      <label>
        API key or JWT <span className="muted">(needed to accept, reject or ingest; kept for this tab only)</span>
        <input type="password" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit" disabled={!draft.trim()}>
        Sign in
      </button>
    </form>
  );
}
