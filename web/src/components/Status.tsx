import type { ReactNode } from "react";
import type { QueryState } from "../api";

/** What a page shows while its data loads. */
export const Loading = () => (
  <p className="muted" role="status">
    Loading…
  </p>
);

/** What a page shows when the API did not answer. */
export const ApiError = ({ error }: { error: Error }) => (
  <p className="error" role="alert">
    The API could not answer: {error.message}
  </p>
);

/** Loading and error states in one place; the children render the data. */
export function Status<TResult>({ state, children }: { state: QueryState<TResult>; children: (data: TResult) => ReactNode }) {
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <ApiError error={state.error} />;
  return <>{children(state.data)}</>;
}
