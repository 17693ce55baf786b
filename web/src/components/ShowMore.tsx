/** The foot of a paged list: how many of how many are shown, and a button for the next page. */
import type { PagedState } from "../api";

export function ShowMore({
  list,
  noun,
}: {
  list: Pick<PagedState<unknown, unknown>, "nodes" | "totalCount" | "hasMore" | "loadingMore" | "moreError" | "loadMore">;
  noun: string;
}) {
  const shown = list.nodes.length;
  const total = list.totalCount;
  return (
    <div className="show-more" role="group" aria-label={`More ${noun}`}>
      <span className="muted count">{total === undefined ? `${shown} ${noun} shown` : `${shown} of ${total} ${noun} shown`}</span>
      {list.hasMore && (
        <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? "Loading…" : "Show more"}
        </button>
      )}
      {list.moreError && (
        <span className="error" role="alert">
          The API could not answer: {list.moreError.message}
        </span>
      )}
    </div>
  );
}
