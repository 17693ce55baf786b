import { countByStatus } from "./groups";
import { ProposalCard } from "./ProposalCard";
import { RejectForm } from "./RejectForm";
import { Refusals } from "./Refusals";
import { useDecisions, withDependencies } from "./decisions";
import type { Proposal } from "./useReview";

/**
 * A section of proposals decided together or one by one: accepting the group accepts its pending
 * proposals with the pending ones they need (a meeting's new people and place); rejecting it
 * rejects its pending ones with one reason.
 */
export function ProposalGroup({
  title,
  kind,
  proposals,
  byId,
  selected,
  onSelect,
  update,
}: {
  title: string;
  kind: "meeting" | "people" | "places" | "other";
  proposals: readonly Proposal[];
  byId: ReadonlyMap<string, Proposal>;
  selected: string | null;
  onSelect: (id: string) => void;
  update: (changed: readonly Proposal[]) => void;
}) {
  const decisions = useDecisions(update);
  const pending = proposals.filter((proposal) => proposal.status === "PENDING");
  const toAccept = withDependencies(pending, [...byId.values()]);
  const extra = toAccept.length - pending.length;
  return (
    <section
      className={`proposal-group ${kind}`}
      aria-label={title}
      data-group={kind}
      data-meeting-proposal-id={kind === "meeting" ? proposals[0]?.id : undefined}
    >
      <h3>
        {title} <span className="muted counts">{countByStatus(proposals)}</span>
      </h3>
      {pending.length > 0 && (
        <div className="actions group-actions">
          <button type="button" disabled={decisions.busy} onClick={() => void decisions.decide({ kind: "accept", ids: toAccept })}>
            Accept all {pending.length} pending{extra > 0 ? ` (and ${extra} they need)` : ""}
          </button>
          <RejectForm
            label={`all pending of ${title}`}
            busy={decisions.busy}
            onReject={(reason) => void decisions.decide({ kind: "reject", ids: pending.map((proposal) => proposal.id), reason })}
          />
        </div>
      )}
      <Refusals refusals={decisions.refusals} />
      <ul className="proposals">
        {proposals.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} byId={byId} selected={selected === proposal.id} onSelect={onSelect} update={update} />
        ))}
      </ul>
    </section>
  );
}
