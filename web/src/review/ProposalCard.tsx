import { useState, type ReactNode } from "react";
import type { ProposalEdit } from "../__generated__/graphql";
import { formatBounds, formatDuration, hedgeWord } from "../format";
import { href } from "../router";
import { RejectForm } from "./RejectForm";
import { ProposalEditor, isEditable } from "./ProposalEditor";
import { Refusals } from "./Refusals";
import { statusWords } from "./groups";
import { useDecisions, withDependencies } from "./decisions";
import type { Proposal } from "./useReview";

type Ref = { id: string; proposal?: { id: string } | null } | null | undefined;

/** A referenced node as a reader knows it: the name its proposal gives, or the graph's id. */
function refLabel(ref: Ref, byId: ReadonlyMap<string, Proposal>): string {
  if (!ref) return "—";
  const proposed = ref.proposal ? byId.get(ref.proposal.id) : undefined;
  const name = proposed?.person?.name ?? proposed?.place?.name ?? proposed?.proposedMeeting?.title;
  return name ? `${name} (new)` : ref.id;
}

/** A link to the app's page for what a fact is, where the app has one. */
function factLink(kind: string, id: string): ReactNode {
  if (kind === "PERSON") return <a href={href.person(id)}>{id}</a>;
  if (kind === "MEETING") return <a href={href.meeting(id)}>{id}</a>;
  return <code>{id}</code>;
}

/** What the proposal says, by kind, beyond its summary. */
function Details({ proposal, byId }: { proposal: Proposal; byId: ReadonlyMap<string, Proposal> }) {
  const { person, place, proposedMeeting, participation, duration, statement, claim, role, relation } = proposal;
  const rows: [string, ReactNode][] = [];
  if (person)
    rows.push([
      "Person",
      person.existingId ? (
        <>the graph&apos;s {factLink("PERSON", person.existingId)}</>
      ) : (
        `new: ${person.name}${person.description ? `, ${person.description}` : ""}`
      ),
    ]);
  if (place)
    rows.push(["Place", place.existingId ? `the graph's ${place.existingId}` : `new ${place.kind}: ${place.name}, within ${refLabel(place.within, byId)}`]);
  if (proposedMeeting) {
    rows.push([
      "Meeting",
      proposedMeeting.existingId ? <>the graph&apos;s {factLink("MEETING", proposedMeeting.existingId)}</> : `new: ${proposedMeeting.title}`,
    ]);
    rows.push(["Date", proposedMeeting.dateEnd ? `${proposedMeeting.date} – ${proposedMeeting.dateEnd}` : proposedMeeting.date]);
    rows.push(["Place", refLabel(proposedMeeting.place, byId)]);
    rows.push(["Participants", proposedMeeting.participants.map((ref) => refLabel(ref, byId)).join(", ")]);
  }
  if (participation) rows.push(["Who", `${refLabel(participation.person, byId)}${participation.role ? `, ${participation.role}` : ""}`]);
  if (duration) {
    const bounds = formatBounds(duration);
    rows.push(["Duration", `“${duration.wording}”: ${formatDuration(duration)}${bounds ? ` (${bounds})` : ""}`]);
  }
  if (statement) {
    rows.push(["Speaker", refLabel(statement.speaker, byId)]);
    rows.push([statement.kind === "QUOTE" ? "Quote" : "Paraphrase", `“${statement.text}”`]);
    if (statement.saidOn || statement.occasion)
      rows.push(["Said", [statement.saidOn && `on ${statement.saidOn}`, statement.occasion].filter(Boolean).join(", ")]);
    if (statement.existingId) rows.push(["Statement", `a new wording of the graph's ${statement.existingId}`]);
  }
  if (claim) rows.push([claim.field, `${[hedgeWord(claim.hedge), claim.value].filter(Boolean).join(" ")}${claim.wording ? ` (“${claim.wording}”)` : ""}`]);
  if (role) rows.push(["Role", `${refLabel(role.person, byId)}: ${role.title}`]);
  if (relation) rows.push(["Relation", `${refLabel(relation.from, byId)} is ${relation.kind} of ${refLabel(relation.to, byId)}`]);
  return (
    <dl className="proposal-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The graph's existing facts beside the proposal, as the API judges them. */
function ExistingFacts({ proposal }: { proposal: Proposal }) {
  const { known, contradicts } = proposal;
  if (!known && !contradicts) return null;
  return (
    <ul className="existing-facts">
      {known && (
        <li className={known.fromThisSource ? "known this-source" : "known new-source"}>
          {known.fromThisSource ? "Already known from this article: " : "Known fact, accepting adds this article as a new source: "}
          {factLink(proposal.kind, known.id)} <span className="muted">({known.how})</span>
        </li>
      )}
      {contradicts && (
        <li className="contradicts">
          Contradicts {factLink(proposal.kind, contradicts.id)}: {contradicts.how}
        </li>
      )}
    </ul>
  );
}

/** Who decided, when, why, and what it became. */
function Decision({ proposal }: { proposal: Proposal }) {
  if (proposal.status === "PENDING") return null;
  return (
    <p className="decision">
      {proposal.decidedBy && `${statusWords[proposal.status]} by ${proposal.decidedBy}`}
      {proposal.decidedAt && ` on ${new Date(proposal.decidedAt).toISOString().slice(0, 16).replace("T", " ")} UTC`}
      {proposal.rejectionReason && <>: “{proposal.rejectionReason}”</>}
      {proposal.became && <> · became {factLink(proposal.kind, proposal.became)}</>}
      {proposal.edits && <span className="muted"> · with corrections {proposal.edits}</span>}
    </p>
  );
}

/**
 * One proposal: what it says, the article's words for it, how sure the extraction is and why,
 * the graph's facts beside it, and accept / edit / reject while it is pending.
 */
export function ProposalCard({
  proposal,
  byId,
  selected,
  onSelect,
  update,
}: {
  proposal: Proposal;
  byId: ReadonlyMap<string, Proposal>;
  selected: boolean;
  onSelect: (id: string) => void;
  update: (changed: readonly Proposal[]) => void;
}) {
  const [mode, setMode] = useState<"view" | "edit">("view");
  const decisions = useDecisions(update);
  const accept = (edit?: ProposalEdit) =>
    void decisions.decide({ kind: "accept", ids: withDependencies([proposal], [...byId.values()]), edits: edit ? [edit] : undefined });
  const pending = proposal.status === "PENDING";
  const needs = proposal.dependsOn.filter((dependency) => byId.get(dependency.id)?.status === "PENDING");
  return (
    <li
      className={`proposal ${proposal.status.toLowerCase().replace("_", "-")}${selected ? " selected" : ""}`}
      data-proposal-id={proposal.id}
      data-kind={proposal.kind}
      data-status={proposal.status}
    >
      <div className="proposal-head">
        <span className="kind">{proposal.kind.toLowerCase()}</span>
        <button type="button" className="summary" onClick={() => onSelect(proposal.id)} title="Show its words in the article">
          {proposal.summary}
        </button>
        <span className={`status ${proposal.status.toLowerCase().replace("_", "-")}`}>{statusWords[proposal.status]}</span>
      </div>
      <blockquote className="excerpt">{proposal.excerpt}</blockquote>
      <p className="confidence">
        Confidence {Math.round(proposal.confidence * 100)} %: {proposal.reason}
        {proposal.basis === "INFERRED" && <span className="muted"> · inferred{proposal.note ? `: ${proposal.note}` : ""}</span>}
      </p>
      <Details proposal={proposal} byId={byId} />
      <ExistingFacts proposal={proposal} />
      <Decision proposal={proposal} />
      {pending && mode === "view" && (
        <div className="actions">
          <button
            type="button"
            disabled={decisions.busy}
            onClick={() => accept()}
            title={needs.length > 0 ? `Also accepts what it needs first: ${needs.map((dependency) => byId.get(dependency.id)?.summary).join("; ")}` : undefined}
          >
            Accept{needs.length > 0 ? ` (with ${needs.length} it needs)` : ""}
          </button>
          {isEditable(proposal) && (
            <button type="button" disabled={decisions.busy} onClick={() => setMode("edit")}>
              Edit…
            </button>
          )}
          <RejectForm
            label={proposal.summary}
            busy={decisions.busy}
            onReject={(reason) => void decisions.decide({ kind: "reject", ids: [proposal.id], reason })}
          />
        </div>
      )}
      {pending && mode === "edit" && <ProposalEditor proposal={proposal} busy={decisions.busy} onAccept={accept} onCancel={() => setMode("view")} />}
      <Refusals refusals={decisions.refusals} />
    </li>
  );
}
