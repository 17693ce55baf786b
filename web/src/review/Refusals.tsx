import type { Refusal } from "./decisions";

/** What to do about a refusal of the request itself; the payload's own messages already say it. */
const advice: Record<string, string> = {
  UNAUTHENTICATED: "sign in with a valid API key or JWT",
  FORBIDDEN: "this key or token may read but not write; sign in with one that has write permission",
};

/** Why the API refused a decision: each message with its code, in words. */
export function Refusals({ refusals }: { refusals: readonly Refusal[] }) {
  if (refusals.length === 0) return null;
  return (
    <div className="refusals" role="alert">
      <strong>Refused.</strong>
      <ul>
        {refusals.map((refusal, index) => (
          <li key={index} data-code={refusal.code ?? undefined}>
            {refusal.message}
            {refusal.code && (
              <span className="refusal-code">
                {" "}
                (code {refusal.code}
                {advice[refusal.code] ? `: ${advice[refusal.code]}` : ""})
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
