import { useState, type ReactNode } from "react";
import type { ProposalEdit } from "../__generated__/graphql";
import { EntityPicker, type Picked } from "./EntityPicker";
import type { Proposal } from "./useReview";

/** The corrections the editor offers each kind (the API's ProposalEdit; durations and relations are accepted or rejected as they are). */
export function isEditable(proposal: Proposal): boolean {
  return !["DURATION", "RELATION"].includes(proposal.kind);
}

/** The value the proposal has, or null when the curator left it as proposed. */
const changed = (value: string, proposed: string | null | undefined): string | null => {
  const trimmed = value.trim();
  return trimmed && trimmed !== (proposed ?? "") ? trimmed : null;
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="edit-field">
      {label}
      {children}
    </label>
  );
}

/**
 * Corrections before accepting: who a person really is (an existing one), a date, a place, a title,
 * a speaker, a value. The excerpt is the article's own words and is never edited. Only what the
 * curator changed is sent, so an untouched field keeps the proposal's evidence as stated.
 */
export function ProposalEditor({
  proposal,
  busy,
  onAccept,
  onCancel,
}: {
  proposal: Proposal;
  busy: boolean;
  onAccept: (edit: ProposalEdit) => void;
  onCancel: () => void;
}) {
  const { kind } = proposal;
  const proposedDate = proposal.proposedMeeting?.date ?? proposal.statement?.saidOn ?? "";
  const proposedDateEnd = proposal.proposedMeeting?.dateEnd ?? "";
  const proposedTitle = proposal.proposedMeeting?.title ?? proposal.role?.title ?? "";
  const proposedName = proposal.person?.name ?? proposal.place?.name ?? "";
  const [existing, setExisting] = useState<Picked | null>(null);
  const [place, setPlace] = useState<Picked | null>(null);
  const [person, setPerson] = useState<Picked | null>(null);
  const [name, setName] = useState(proposedName);
  const [date, setDate] = useState(proposedDate);
  const [dateEnd, setDateEnd] = useState(proposedDateEnd);
  const [title, setTitle] = useState(proposedTitle);
  const [value, setValue] = useState(proposal.claim?.value ?? "");
  const [note, setNote] = useState("");

  const edit: ProposalEdit = {
    id: proposal.id,
    existingId: existing?.id ?? null,
    name: existing ? null : changed(name, proposedName),
    date: changed(date, proposedDate),
    dateEnd: kind === "MEETING" ? changed(dateEnd, proposedDateEnd) : null,
    placeId: place?.id ?? null,
    title: changed(title, proposedTitle),
    speakerId: kind === "STATEMENT" ? (person?.id ?? null) : null,
    personId: kind === "PARTICIPATION" || kind === "ROLE" ? (person?.id ?? null) : null,
    value: changed(value, proposal.claim?.value),
    note: note.trim() || null,
  };
  const corrects = Object.entries(edit).some(([field, given]) => field !== "id" && field !== "note" && given != null);

  return (
    <form
      className="proposal-editor"
      aria-label={`Edit: ${proposal.summary}`}
      onSubmit={(event) => {
        event.preventDefault();
        onAccept(edit);
      }}
    >
      {(kind === "PERSON" || kind === "PLACE") && (
        <>
          <EntityPicker
            kind={kind === "PERSON" ? "Person" : "Place"}
            label={`The existing ${kind === "PERSON" ? "person" : "place"} it is`}
            picked={existing}
            onPick={setExisting}
          />
          {!existing && (
            <Field label="Or create it under the name">
              <input value={name} onChange={(event) => setName(event.target.value)} />
            </Field>
          )}
        </>
      )}
      {(kind === "MEETING" || kind === "STATEMENT") && (
        <Field label={kind === "MEETING" ? "Date (YYYY-MM-DD, YYYY-MM or YYYY)" : "Said on (YYYY-MM-DD, YYYY-MM or YYYY)"}>
          <input value={date} pattern="\d{4}(-\d{2}(-\d{2})?)?" onChange={(event) => setDate(event.target.value)} />
        </Field>
      )}
      {kind === "MEETING" && (
        <Field label="Last day, when it went on past its date (YYYY-MM-DD)">
          <input value={dateEnd} pattern="\d{4}-\d{2}-\d{2}" onChange={(event) => setDateEnd(event.target.value)} />
        </Field>
      )}
      {kind === "MEETING" && <EntityPicker kind="Place" label="Place" picked={place} onPick={setPlace} />}
      {(kind === "MEETING" || kind === "ROLE") && (
        <Field label="Title">
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
      )}
      {kind === "STATEMENT" && <EntityPicker kind="Person" label="Speaker" picked={person} onPick={setPerson} />}
      {(kind === "PARTICIPATION" || kind === "ROLE") && <EntityPicker kind="Person" label="Person" picked={person} onPick={setPerson} />}
      {kind === "CLAIM" && (
        <Field label={`Value (${proposal.claim?.field ?? "claim"})`}>
          <input value={value} onChange={(event) => setValue(event.target.value)} />
        </Field>
      )}
      <Field label="Why (kept as the fact's note)">
        <input value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <p className="muted">The excerpt stays the article&apos;s own words: “{proposal.excerpt}”</p>
      <div className="actions">
        <button type="submit" disabled={busy || !corrects}>
          Accept with corrections
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
