/**
 * What the steps of one transaction add to meetings the graph holds (acceptProposals, for an
 * article about a stored meeting: its date claim, its durations, its participants' attendances),
 * checked and written together. Each addition is checked as attachClaims checks it, against the
 * meeting as the additions before it leave it; all against one read of the meetings and of what
 * they refer to, made with the transaction's other reads, and all written in one statement at the
 * end, one after another.
 *
 * That is the same as running them one by one only while nothing else of the transaction touches
 * those meetings, so the steps of a meeting stay on their own (their plans' work) when another step
 * locks the meeting (it creates or rewrites it), when an addition refers to something the
 * transaction creates, or when someone an attendance names does not attend yet (it adds a
 * participant, which rewrites the meeting).
 */
import { ATTACH_CLAIMS, attached, attachInput, MEETINGS_ON_RECORD, type AttachInput, type MeetingAddition, type MeetingOnRecord } from "./meeting.js";
import { lockKey, referenceCheck, type KnownReferences, type Referable, type Written } from "./transaction.js";
import { Problems } from "./userErrors.js";

/** A step as the transaction has it: its locks, and its addition if that is all it writes. */
interface Step {
  locks: string[];
  addition?: MeetingAddition;
}

interface Part {
  meetingId: string;
  onlyIfAttending: boolean;
  input: AttachInput;
  check: ReturnType<typeof referenceCheck>;
}

export class MeetingAdditions<S extends Step> {
  private readonly parts = new Map<S, Part>();
  private readonly meetingIds: string[];
  private readonly meetings = new Map<string, MeetingOnRecord>();
  private known: KnownReferences | undefined;
  private readonly written: Record<string, unknown>[] = [];

  /** The additions of `steps` (the transaction's, in order), `created` the "<label>:<id>" of what the transaction creates. */
  constructor(steps: S[], created: Set<string>) {
    const inputs = new Map(steps.flatMap((step) => (step.addition ? [[step, attachInput(step.addition.meetingId, step.addition.changes)] as const] : [])));
    const lockedOtherwise = new Set(steps.flatMap((step) => (step.addition ? [] : step.locks)));
    const alone = new Set<string>();
    for (const [step, input] of inputs) {
      const { meetingId } = step.addition!;
      if (lockedOtherwise.has(lockKey("Meeting", meetingId)) || input.refs.some((ref) => created.has(`${ref.label}:${ref.id}`))) alone.add(meetingId);
    }
    for (const [step, input] of inputs) {
      const { meetingId, onlyIfAttending } = step.addition!;
      if (!alone.has(meetingId)) this.parts.set(step, { meetingId, onlyIfAttending, input, check: referenceCheck(input.refs) });
    }
    this.meetingIds = [...new Set([...this.parts.values()].map((part) => part.meetingId))];
  }

  /** What the additions refer to, for the transaction's read to check (`answered`'s `known`). */
  get references(): { label: Referable; id: string }[] {
    return [...this.parts.values()].flatMap((part) => part.check.refs);
  }

  /** The read of the meetings: a subquery answering `meetings` (MEETINGS_ON_RECORD), and its parameters. */
  get read(): { cypher: string; params: { meetingIds: string[] } } {
    return { cypher: MEETINGS_ON_RECORD, params: { meetingIds: this.meetingIds } };
  }

  /**
   * Takes what `read` answered, and what the transaction's read found of `references`; a meeting
   * where an attendance names someone not attending yet keeps its steps on their own.
   */
  answered(meetings: MeetingOnRecord[], known: KnownReferences): void {
    this.meetingIds.forEach((id, i) => this.meetings.set(id, meetings[i]!));
    this.known = known;
    const joining = [...this.parts.values()].filter(
      (part) => part.onlyIfAttending && part.input.attendances.some((a) => !this.meetings.get(part.meetingId)!.participantIds.includes(a.personId)),
    );
    for (const { meetingId } of joining) {
      for (const [step, part] of this.parts) if (part.meetingId === meetingId) this.parts.delete(step);
    }
  }

  /** Whether `step` is checked and written here rather than by its work. */
  covers(step: S): boolean {
    return this.parts.has(step);
  }

  /** Checks `step`'s addition (throws UserErrors as attachClaims does) and keeps it for `write`; what it will have written. */
  add(step: S): Written {
    const part = this.parts.get(step)!;
    const problems = new Problems();
    part.check.report(this.known!.split(part.check.refs).missing, problems);
    const { addition, written, after } = attached(part.meetingId, part.input, this.meetings.get(part.meetingId)!, problems);
    this.meetings.set(part.meetingId, after);
    this.written.push(addition);
    return written;
  }

  /** The statement that writes the additions kept (a unit subquery: a statement may go on after it), and its parameters. */
  get write(): { cypher: string; params: { additions: Record<string, unknown>[] } } {
    return { cypher: ATTACH_CLAIMS, params: { additions: this.written } };
  }
}
