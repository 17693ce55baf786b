import { useMemo, useState } from "react";
import type { ProposalChangeKind } from "../__generated__/graphql";
import { LiveNote, type LiveUpdate } from "../components/LiveNote";
import { ApiError, Loading } from "../components/Status";
import { formatDate } from "../format";
import { useSubscription } from "../live";
import { href } from "../router";
import { ArticleText } from "../review/ArticleText";
import { ProposalsChangedSubscription } from "../review/documents";
import { countByStatus, sectionsOf } from "../review/groups";
import { ProposalGroup } from "../review/ProposalGroup";
import { SignIn } from "../review/SignIn";
import { useReview, type Proposal } from "../review/useReview";

const changeWords: Record<ProposalChangeKind, string> = { PROPOSED: "proposed", ACCEPTED: "accepted", REJECTED: "rejected" };

/** Brings a proposal's card, or the first of its words in the article, into view. */
function reveal(selector: string): void {
  document.querySelector(selector)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

/**
 * One ingested article under review: its text with every proposal's words highlighted beside the
 * proposals, grouped by meeting, each to accept (possibly corrected), or reject, with the graph's
 * existing facts beside it. Decisions, this curator's and others', update the page without reloading.
 */
export function ReviewPage({ sourceId }: { sourceId: string }) {
  const { state, update, reloadProposals } = useReview(sourceId);
  const [selected, setSelected] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<{ sourceId: string; update: LiveUpdate } | null>(null);
  useSubscription(
    ProposalsChangedSubscription,
    { sourceId },
    ({ proposalsChanged: event }) => {
      update(event.proposals);
      const count = event.proposals.length;
      const what = `${count === 1 ? "a proposal was" : `${count} proposals were`} ${changeWords[event.change]}`;
      setLastChange({ sourceId, update: { what, actor: event.actor, at: event.at } });
    },
    reloadProposals,
  );
  const proposals = state.status === "done" ? state.proposals : [];
  const byId = useMemo(() => new Map(proposals.map((proposal) => [proposal.id, proposal])), [proposals]);
  const sections = useMemo(() => sectionsOf(proposals), [proposals]);

  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <ApiError error={state.error} />;
  if (state.status === "missing") return <p className="error">No source with the id “{sourceId}”.</p>;
  const { article } = state;
  /** Selects a proposal and shows the other side of it: its words when chosen among the proposals, its card when chosen in the text. */
  const select = (id: string, show: "words" | "card") => {
    setSelected(id);
    reveal(show === "words" ? `mark[data-proposal-ids~="${CSS.escape(id)}"]` : `li[data-proposal-id="${CSS.escape(id)}"]`);
  };
  const groupProps = { byId, selected, update, onSelect: (id: string) => select(id, "words") };
  const groups: { title: string; kind: "meeting" | "people" | "places" | "other"; proposals: Proposal[] }[] = [
    ...sections.meetings.map(({ meeting, members }) => ({ title: meeting.summary, kind: "meeting" as const, proposals: [meeting, ...members] })),
    { title: "People", kind: "people", proposals: sections.people },
    { title: "Places", kind: "places", proposals: sections.places },
    { title: "Outside any meeting", kind: "other", proposals: sections.other },
  ];

  return (
    <article className="review">
      <p className="muted">
        <a href={href.review()}>All articles under review</a>
      </p>
      <h1>{article.title ?? article.id}</h1>
      <p className="muted">
        {[article.publisher, article.publishedOn && article.datePrecision ? formatDate(article.publishedOn, article.datePrecision) : null]
          .filter(Boolean)
          .join(" · ")}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} rel="noreferrer" target="_blank">
              the original
            </a>
          </>
        )}
        {" · "}
        <a href={href.source(article.id)}>what the graph credits to it</a>
      </p>
      <SignIn />
      {lastChange?.sourceId === sourceId && <LiveNote update={lastChange.update} />}
      <p className="review-counts">
        {state.totalCount} proposals: {countByStatus(proposals)}
      </p>
      <div className="review-columns">
        <section className="review-article" aria-label="The article">
          <h2>The article</h2>
          {article.text ? (
            <ArticleText text={article.text} proposals={proposals} selected={selected} onSelect={(id) => select(id, "card")} />
          ) : (
            <p className="muted">This source holds no text: it was not ingested as an article.</p>
          )}
        </section>
        <section className="review-proposals" aria-label="Proposals">
          <h2>Proposals</h2>
          {groups
            .filter((group) => group.proposals.length > 0)
            .map((group) => (
              <ProposalGroup
                key={`${group.kind}-${group.proposals[0]?.id}`}
                title={group.title}
                kind={group.kind}
                proposals={group.proposals}
                {...groupProps}
              />
            ))}
        </section>
      </div>
    </article>
  );
}
