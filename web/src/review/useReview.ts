/**
 * One article's review: its text and every proposal, loaded page by page, then kept current from
 * the mutation payloads (each returns the proposals as they stand) and from the live events of other
 * curators' decisions, so neither reloads the page.
 */
import { useCallback, useEffect, useState } from "react";
import type {
  ProposalFieldsFragment,
  ReviewArticleQuery as ReviewArticleResult,
  ReviewProposalsQuery as ReviewProposalsResult,
} from "../__generated__/graphql";
import { execute } from "../api";
import { ReviewArticleQuery, ReviewProposalsQuery } from "./documents";

export type Proposal = ProposalFieldsFragment;
export type Article = NonNullable<ReviewArticleResult["source"]>;

export type ReviewState =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | { status: "missing" }
  | { status: "done"; article: Article; proposals: Proposal[]; totalCount: number };

async function loadProposals(sourceId: string, signal: AbortSignal): Promise<{ proposals: Proposal[]; totalCount: number }> {
  const proposals: Proposal[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ReviewProposalsResult["proposals"] = (await execute(ReviewProposalsQuery, { sourceId, after }, signal)).proposals;
    proposals.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { proposals, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

export function useReview(sourceId: string): { state: ReviewState; update: (changed: readonly Proposal[]) => void; reloadProposals: () => void } {
  const [state, setState] = useState<ReviewState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([execute(ReviewArticleQuery, { sourceId }, controller.signal), loadProposals(sourceId, controller.signal)]).then(
      ([{ source }, { proposals, totalCount }]) => setState(source ? { status: "done", article: source, proposals, totalCount } : { status: "missing" }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [sourceId]);

  const update = useCallback((changed: readonly Proposal[]) => {
    setState((current) => {
      if (current.status !== "done") return current;
      const byId = new Map(changed.map((proposal) => [proposal.id, proposal]));
      const proposals = current.proposals.map((proposal) => byId.get(proposal.id) ?? proposal);
      // Ingesting the article again can propose what this page has not seen yet.
      const known = new Set(current.proposals.map((proposal) => proposal.id));
      const added = changed.filter((proposal) => !known.has(proposal.id));
      return { ...current, proposals: [...proposals, ...added], totalCount: current.totalCount + added.length };
    });
  }, []);

  /** Reads every proposal again (after live updates were lost for a while) and takes them in as if they had changed. */
  const reloadProposals = useCallback(() => {
    // A failed read changes nothing: the page keeps what it shows until the next event or reconnection.
    loadProposals(sourceId, new AbortController().signal).then(
      ({ proposals }) => update(proposals),
      () => {},
    );
  }, [sourceId, update]);

  return { state, update, reloadProposals };
}
