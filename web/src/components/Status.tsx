import type { ReactNode } from "react";
import type { QueryState } from "../api";

/** Loading and error states in one place; the children render the data. */
export function Status<TResult>({ state, children }: { state: QueryState<TResult>; children: (data: TResult) => ReactNode }) {
  if (state.status === "loading")
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (state.status === "error")
    return (
      <p className="error" role="alert">
        The API could not answer: {state.error.message}
      </p>
    );
  return <>{children(state.data)}</>;
}
