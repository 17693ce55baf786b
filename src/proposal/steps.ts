/**
 * What accepting a proposal writes: the inputs of the curation mutations of its kind (createPerson,
 * createMeeting, attachClaims, addStatement, …), built from its draft, the curator's edits and what
 * its references resolve to. Every fact written carries the article as its source, with the
 * draft's excerpt verbatim and its evidence basis and note.
 */
import type { ProposalEdit } from "../__generated__/resolvers.js";
import { attachClaimsPlan, attendancesPlan, createMeetingPlan, type MeetingAddition } from "../curation/meeting.js";
import { createPersonPlan, personAdditionsPlan } from "../curation/person.js";
import { createPlacePlan } from "../curation/place.js";
import { addStatementPlan, addWordingPlan } from "../curation/statement.js";
import { asStep, checked, type CurationTx, type MutationPlan, type Reference, type Written } from "../curation/transaction.js";
import type { SeedStatement } from "../model/entries.js";
import type { EvidenceBasis } from "../model/evidence.js";
import type { ProposalDraft, ProposalKind, Ref } from "../model/proposal.js";

/**
 * One curation mutation, checked: the locks it takes, its work in the transaction, what it adds to
 * a stored meeting when that is all it writes, and the references its work checks first.
 */
export interface Checked {
  locks: string[];
  work: (tx: CurationTx) => Promise<Written>;
  addition?: MeetingAddition;
  references?: Reference[];
  /** The statement an addStatement step writes. */
  statement?: SeedStatement;
}

/** One curation mutation to run: its name, and its plan's checks (with the evidence rules) to run first; they throw UserErrors. */
export interface Step {
  mutation: string;
  check: () => Checked;
}

function step<V>(mutation: string, input: unknown, plan: MutationPlan<V> & { addition?: MeetingAddition; statement?: (value: V) => SeedStatement }): Step {
  return {
    mutation,
    check: () => {
      const value = checked(input, plan.check);
      return {
        locks: plan.locks(value),
        work: (tx) => plan.work(asStep(tx), value),
        ...(plan.addition && { addition: plan.addition }),
        ...(plan.references && { references: plan.references(value) }),
        ...(plan.statement && { statement: plan.statement(value) }),
      };
    },
  };
}

/** A node of the graph the proposal relies on; `isNew` when the proposal creates it (it must not exist yet). */
export interface Target {
  label: "Person" | "Place" | "Meeting" | "Statement";
  id: string;
  isNew: boolean;
  /** Where the id came from, so a refusal can say which edit fixes it. */
  via: string;
}

export interface Planned {
  steps: Step[];
  targets: Target[];
  /** The id of what the proposal becomes, known before anything is written. */
  became: string;
  /** For a claim, the id the write gives it: the last id the mutation changed. */
  becameWritten?: (written: Written) => string;
}

/** The fields of ProposalEdit each kind may correct (besides `note`, which every kind may give). */
export const EDITABLE: Record<ProposalKind, (keyof ProposalEdit)[]> = {
  PERSON: ["existingId", "name"],
  PLACE: ["existingId", "name"],
  MEETING: ["existingId", "date", "dateEnd", "placeId", "title"],
  STATEMENT: ["existingId", "date", "speakerId"],
  PARTICIPATION: ["personId"],
  ROLE: ["personId", "title"],
  CLAIM: ["value"],
  DURATION: [],
  RELATION: [],
};

/** Country ids are ISO alpha-2 codes; every other id is a lower-case slug. */
const isCountryId = (id: string) => /^[A-Z]{2}$/.test(id);

/** The article's support for a fact: its excerpt verbatim, and how the fact is known from it. */
function evidenceOf(sourceId: string, draft: ProposalDraft, edit: ProposalEdit | undefined) {
  const corrected = edit !== undefined && Object.entries(edit).some(([key, value]) => key !== "id" && key !== "note" && value != null);
  const basis: EvidenceBasis = corrected ? "INFERRED" : draft.basis;
  const note = edit?.note ?? draft.note ?? (corrected ? "corrected by a curator on review" : null);
  return { sourceId, excerpt: draft.excerpt, basis, note };
}

/**
 * The steps that accept `draft`. `resolve` gives a reference's id: a key names another proposal of
 * the same article, which is accepted already or earlier in the same call.
 */
export function plan(draft: ProposalDraft, edit: ProposalEdit | undefined, sourceId: string, resolve: (ref: Ref) => string): Planned {
  const ref = evidenceOf(sourceId, draft, edit);
  const { basis, note } = ref;
  const existing = (label: Target["label"], id: string, via: string): Target => ({ label, id, isNew: false, via });
  const referred = (label: Target["label"], r: Ref, via: string) => existing(label, resolve(r), via);

  switch (draft.kind) {
    case "PERSON": {
      const person = draft.person!;
      const existingId = edit?.existingId ?? person.existingId;
      if (existingId) return { steps: [], targets: [existing("Person", existingId, "existingId")], became: existingId };
      const input = { id: person.id, name: edit?.name ?? person.name, aliases: person.aliases ?? [], countryIds: person.countryIds ?? [] };
      return {
        steps: [step("createPerson", input, createPersonPlan(input))],
        targets: [{ label: "Person", id: person.id, isNew: true, via: "existingId" }],
        became: person.id,
      };
    }
    case "PLACE": {
      const place = draft.place!;
      const existingId = edit?.existingId ?? place.existingId;
      if (existingId) return { steps: [], targets: [existing("Place", existingId, "existingId")], became: existingId };
      const within = place.within ? resolve(place.within) : null;
      const input = {
        id: place.id,
        name: edit?.name ?? place.name,
        kind: place.kind,
        ...(within && isCountryId(within) ? { countryId: within } : { withinPlaceId: within }),
      };
      const targets: Target[] = [{ label: "Place", id: place.id, isNew: true, via: "existingId" }];
      if (within && !isCountryId(within)) targets.push(existing("Place", within, "within"));
      return { steps: [step("createPlace", input, createPlacePlan(input))], targets, became: place.id };
    }
    case "MEETING": {
      const meeting = draft.meeting!;
      const existingId = edit?.existingId ?? meeting.existingId;
      const placeId = edit?.placeId ?? (meeting.place ? resolve(meeting.place) : null);
      const date = edit?.date ?? meeting.date;
      const participants = meeting.participants.map((p) => ({ personId: resolve(p), sources: [ref] }));
      const claims = [
        { field: "date", value: date, sourceId, excerpt: draft.excerpt, basis, note },
        ...(placeId ? [{ field: "place", value: placeId, sourceId, excerpt: draft.excerpt, basis, note }] : []),
      ];
      const targets = [...participants.map((p) => existing("Person", p.personId, "participants")), ...(placeId ? [existing("Place", placeId, "placeId")] : [])];
      if (existingId) {
        const attach = { meetingId: existingId, claims };
        const attend = { meetingId: existingId, participants };
        return {
          steps: [
            step("attachClaims", attach, attachClaimsPlan(attach)),
            ...(participants.length > 0 ? [step("updateMeeting", attend, attendancesPlan(attend))] : []),
          ],
          targets: [existing("Meeting", existingId, "existingId"), ...targets],
          became: existingId,
        };
      }
      const input = {
        id: meeting.id,
        kind: meeting.kind,
        title: edit?.title ?? meeting.title,
        date,
        ended: endedOn(edit?.dateEnd ?? meeting.dateEnd ?? null, date, ref),
        placeId,
        participants,
        claims,
      };
      return {
        steps: [step("createMeeting", input, createMeetingPlan(input))],
        targets: [{ label: "Meeting", id: meeting.id, isNew: true, via: "existingId" }, ...targets],
        became: meeting.id,
      };
    }
    case "PARTICIPATION": {
      const { meeting, person, role } = draft.participation!;
      const personId = edit?.personId ?? resolve(person);
      const input = { meetingId: resolve(meeting), participants: [{ personId, role: role ?? null, sources: [ref] }] };
      return {
        steps: [step("updateMeeting", input, attendancesPlan(input))],
        targets: [referred("Meeting", meeting, "meeting"), existing("Person", personId, "personId")],
        became: input.meetingId,
      };
    }
    case "DURATION": {
      const d = draft.duration!;
      const duration = { ...ref, wording: d.wording, figureMinutes: d.figureMinutes, granularityMinutes: d.granularityMinutes, bound: d.bound, hedge: d.hedge };
      const input = { meetingId: resolve(d.meeting), durations: [duration] };
      return claimStep(input, referred("Meeting", d.meeting, "meeting"));
    }
    case "CLAIM": {
      const c = draft.claim!;
      const claim = { ...ref, field: c.field, value: edit?.value ?? c.value, wording: c.wording ?? null, hedge: c.hedge };
      const input = { meetingId: resolve(c.meeting), claims: [claim] };
      return claimStep(input, referred("Meeting", c.meeting, "meeting"));
    }
    case "STATEMENT": {
      const s = draft.statement!;
      const speakerId = edit?.speakerId ?? resolve(s.speaker);
      const quoted = s.kind === "QUOTE";
      const wording = { sourceId, text: s.text, quoted, basis, note };
      const existingId = edit?.existingId ?? s.existingId;
      if (existingId) {
        const input = { statementId: existingId, wording };
        return { steps: [step("addWording", input, addWordingPlan(input))], targets: [existing("Statement", existingId, "existingId")], became: existingId };
      }
      const meetingId = s.meeting ? resolve(s.meeting) : null;
      const input = {
        id: s.id,
        speakerId,
        saidOn: edit?.date ?? s.saidOn ?? null,
        meetingId,
        occasion: s.occasion ?? null,
        quoted,
        text: s.text,
        wordings: [wording],
      };
      return {
        steps: [step("addStatement", input, addStatementPlan(input))],
        targets: [
          { label: "Statement", id: s.id, isNew: true, via: "existingId" },
          existing("Person", speakerId, "speakerId"),
          ...(meetingId ? [existing("Meeting", meetingId, "meeting")] : []),
        ],
        became: s.id,
      };
    }
    case "ROLE": {
      const r = draft.role!;
      const personId = edit?.personId ?? resolve(r.person);
      const input = {
        id: personId,
        roles: [{ id: r.id, title: edit?.title ?? r.title, organizationId: r.organizationId ?? null, countryId: r.countryId ?? null, sources: [ref] }],
      };
      return { steps: [step("updatePerson", input, personAdditionsPlan(input))], targets: [existing("Person", personId, "personId")], became: r.id };
    }
    case "RELATION": {
      const r = draft.relation!;
      const input = { id: resolve(r.from), relations: [{ kind: r.kind, toPersonId: resolve(r.to), sources: [ref] }] };
      return {
        steps: [step("updatePerson", input, personAdditionsPlan(input))],
        targets: [referred("Person", r.from, "from"), referred("Person", r.to, "to")],
        became: input.id,
      };
    }
  }
}

/**
 * A meeting that went on past its date's last day ended, as far as an article says, some time on
 * `dateEnd`; the graph keeps that as its `ended` estimate, from which its last day follows. The text
 * gives the day, not the hour or the time zone, so the window is that whole day in any time zone.
 */
function endedOn(dateEnd: string | null, date: string, evidence: ReturnType<typeof evidenceOf>) {
  if (dateEnd === null || dateEnd.length !== 10 || dateEnd <= date) return null;
  const note = `the article gives ${dateEnd} as the day it ended, with no time: any time that day, in any time zone`;
  return {
    earliest: `${dateEnd}T00:00:00+14:00`,
    latest: `${dateEnd}T23:59:59-12:00`,
    wording: null,
    sourceId: evidence.sourceId,
    basis: "INFERRED" as const,
    note: evidence.note ? `${evidence.note}; ${note}` : note,
  };
}

/** A claim or duration attached to a meeting: it becomes the claim the write numbers. */
function claimStep(input: Parameters<typeof attachClaimsPlan>[0], meeting: Target): Planned {
  return {
    steps: [step("attachClaims", input, attachClaimsPlan(input))],
    targets: [meeting],
    became: input.meetingId,
    becameWritten: (written) => written.entityIds.at(-1) ?? input.meetingId,
  };
}

/** The keys of the other proposals `draft` refers to: its declared dependencies and every key in its references. */
export function dependencyKeys(draft: ProposalDraft): string[] {
  const refs: (Ref | null | undefined)[] = [
    draft.place?.within,
    draft.meeting?.place,
    ...(draft.meeting?.participants ?? []),
    draft.participation?.meeting,
    draft.participation?.person,
    draft.duration?.meeting,
    draft.statement?.speaker,
    draft.statement?.meeting,
    draft.claim?.meeting,
    draft.role?.person,
    draft.relation?.from,
    draft.relation?.to,
  ];
  const keys = refs.flatMap((r) => (r && "key" in r ? [r.key] : []));
  return [...new Set([...draft.dependsOn, ...keys])];
}
