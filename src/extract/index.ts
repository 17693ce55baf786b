/**
 * Article → proposal drafts (issue 20), offline and deterministic: people, places, meetings with
 * their participants, durations, statements, roles and other claims, each with its excerpt, its
 * basis and the reason for its confidence; then deduped against what the graph already holds.
 */
import { durationBounds } from "../model/duration.js";
import type { Article, ProposalDraft, Ref } from "../model/proposal.js";
import { findClaims } from "./claims.js";
import { draft, newKeys } from "./drafts.js";
import { findDurations, isWait, type DurationWording } from "./durations.js";
import type { GraphLookup, MeetingCandidate, SourceRef, StatementCandidate } from "./lookup.js";
import { findMeetings, type FoundMeeting } from "./meetings.js";
import { distinctPeople, findPeople, type PersonMention, type PersonRef } from "./people.js";
import { findPlaces, type PlaceRef } from "./places.js";
import { roleHead } from "./roles.js";
import { findStatements, sameStatement } from "./statements.js";
import { isHeadline, normalize, sentences as splitSentences, slug } from "./text.js";

export { articleText, ArticleTextError, MAX_ARTICLE_BYTES } from "./articleText.js";
export { neo4jLookup, type GraphLookup } from "./lookup.js";

const ref = (node: PersonRef | PlaceRef): Ref => (node.existing ? { id: node.existing.id } : { key: node.key });
const fromArticle = (article: Article) => (source: SourceRef | null) =>
  source !== null && ((article.sourceId != null && source.id === article.sourceId) || (article.url != null && source.url === article.url));

const RELATIONS: Record<string, string> = {
  "son-in-law": "son-in-law-of",
  adviser: "adviser-to",
  advisor: "adviser-to",
  aide: "aide-to",
  envoy: "special-envoy-of",
  "special envoy": "special-envoy-of",
};

function meetingId(m: FoundMeeting): string {
  const names = m.participants.map((p) => slug(p.mention.person.name.split(/\s+/).at(-1)!));
  return [m.date ?? "undated", ...names, m.kind === "briefing" ? "briefing" : null, m.place ? m.place.place.id : null].filter(Boolean).join("-");
}

function meetingTitle(m: FoundMeeting): string {
  const names = m.participants.map((p) => p.mention.person.name);
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  return m.kind === "briefing" ? `${who}'s briefing${m.place ? ` at ${m.place.place.name}` : ""}` : `${who}${m.place ? ` in ${m.place.place.name}` : ""}`;
}

/** The days a meeting's date may cover, to ask the graph about. */
function days(date: string, dateEnd: string | null): { from: string; to: string } {
  if (date.length === 7)
    return {
      from: `${date}-01`,
      to: `${date}-31` > `${date}-28` ? new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10) : `${date}-28`,
    };
  return { from: date, to: dateEnd ?? date };
}

function sameEvent(m: FoundMeeting, candidate: MeetingCandidate): boolean {
  const ours = m.participants.flatMap((p) => (p.mention.person.existing ? [p.mention.person.existing.id] : []));
  const shared = ours.filter((id) => candidate.participantIds.includes(id)).length;
  return shared >= Math.min(2, ours.length) && shared > 0;
}

export async function extractProposals(article: Article, lookup: GraphLookup): Promise<ProposalDraft[]> {
  const { text } = article;
  const publishedOn = article.publishedOn ?? null;
  const thisSource = fromArticle(article);
  const sentences = splitSentences(text);
  const mentions = await findPeople(text, lookup, sentences.filter(isHeadline));
  const places = await findPlaces(text, lookup, (span) => mentions.some((m) => m.start < span.end && span.start < m.end && !m.byRole));
  const meetings = findMeetings(sentences, mentions, places, publishedOn);
  const statements = findStatements(text, sentences, mentions, publishedOn);

  const dated = meetings.filter((m) => m.date !== null && m.participants.some((p) => p.mention.person.existing));
  const [candidates, said] = await Promise.all([
    lookup.meetings(
      dated.map((m) => ({
        personIds: m.participants.flatMap((p) => (p.mention.person.existing ? [p.mention.person.existing.id] : [])),
        ...days(m.date!, m.dateEnd),
      })),
    ),
    lookup.statements([...new Set(statements.flatMap((s) => (s.speaker.existing ? [s.speaker.existing.id] : [])))]),
  ]);
  const existingMeeting = new Map<FoundMeeting, MeetingCandidate>();
  dated.forEach((m, i) => {
    const match = candidates[i]?.find((c) => sameEvent(m, c));
    if (match) existingMeeting.set(m, match);
  });

  const drafts: ProposalDraft[] = [];
  for (const mention of firstMentions(mentions)) drafts.push(personDraft(text, mention));
  for (const place of new Map(places.map((p) => [p.place.key, p])).values()) {
    drafts.push(
      draft(text, place, {
        key: place.place.key,
        kind: "PLACE",
        summary: place.place.existing ? `${place.place.name} (in the graph)` : `New place: ${place.place.name}`,
        confidence: place.confidence,
        reason: place.reason,
        place: {
          ...(place.place.existing ? { existingId: place.place.existing.id } : {}),
          id: place.place.id,
          name: place.place.name,
          kind: place.place.kind,
          within: place.place.existing?.withinIds[0] ? { id: place.place.existing.withinIds[0] } : null,
        },
        known: place.place.existing ? { id: place.place.existing.id, fromThisSource: false, how: "the graph holds this place" } : null,
      }),
    );
  }
  for (const m of meetings) drafts.push(...meetingDrafts(text, m, existingMeeting.get(m) ?? null, thisSource));
  drafts.push(...statements.map((s) => statementDraft(text, s, said, meetings, thisSource)));
  drafts.push(...roleDrafts(text, mentions));
  return drafts;
}

/** Each person's first mention, for their PERSON draft. */
const firstMentions = (mentions: readonly PersonMention[]) => distinctPeople(mentions).map((p) => mentions.find((m) => m.person.key === p.key)!);

function personDraft(text: string, mention: PersonMention): ProposalDraft {
  const p = mention.person;
  return draft(text, mention, {
    key: p.key,
    kind: "PERSON",
    summary: p.existing ? `${p.name} (in the graph)` : `New person: ${p.name}`,
    confidence: mention.confidence,
    reason: mention.reason,
    note: mention.note,
    person: {
      ...(p.existing ? { existingId: p.existing.id } : {}),
      id: p.id,
      name: p.name,
      ...(mention.role ? { description: mention.role.title } : {}),
      countryIds: p.countryIds,
    },
    known: p.existing ? { id: p.existing.id, fromThisSource: false, how: `the graph holds ${p.existing.name}` } : null,
  });
}

function meetingDrafts(text: string, m: FoundMeeting, existing: MeetingCandidate | null, thisSource: (s: SourceRef | null) => boolean): ProposalDraft[] {
  const anchor = m.sentences[0]!;
  const id = existing?.id ?? meetingId(m);
  const participants = m.participants.map((p) => ref(p.mention.person));
  const place = m.place ? ref(m.place.place) : null;
  const meetingRef: Ref = existing ? { id: existing.id } : { key: m.key };
  const dependsOn = newKeys(...participants, place);
  const drafts: ProposalDraft[] = [
    draft(text, anchor, {
      key: m.key,
      kind: "MEETING",
      summary: `${m.kind === "briefing" ? "Briefing" : "Meeting"}: ${meetingTitle(m)} on ${m.date ?? "an unknown date"}`,
      confidence: m.dateNote ? 0.6 : 0.8,
      reason: `${m.kind === "briefing" ? "briefing phrase" : "meeting words"} in "${anchor.text.slice(0, 60)}"${existing ? `; the graph's meeting ${existing.id} has the same people on the same days` : ""}`,
      note: m.dateNote,
      dependsOn,
      meetingKey: m.key,
      meeting: {
        ...(existing ? { existingId: existing.id } : {}),
        id,
        kind: m.kind,
        title: meetingTitle(m),
        date: m.date ?? "",
        dateEnd: m.dateEnd,
        place,
        participants,
      },
      known: existing
        ? {
            id: existing.id,
            fromThisSource: existing.claims.some((c) => thisSource(c.source)) || existing.durations.some((d) => thisSource(d.source)),
            how: `the graph holds ${existing.id}`,
          }
        : null,
    }),
  ];
  for (const p of m.participants) {
    const person = ref(p.mention.person);
    const sentence = p.inherited?.from ?? m.sentences.find((s) => p.mention.start >= s.start && p.mention.end <= s.end) ?? anchor;
    const knownHere = existing?.participantIds.includes(p.mention.person.existing?.id ?? "");
    drafts.push(
      draft(text, sentence, {
        key: `participation:${m.key}:${p.mention.person.key}`,
        kind: "PARTICIPATION",
        summary: `${p.mention.person.name} took part in ${meetingTitle(m)} (${m.date ?? "undated"})`,
        confidence: p.inherited ? 0.6 : Math.min(0.85, p.mention.confidence),
        reason: p.inherited?.reason ?? `named in the meeting's sentence (${p.mention.reason})`,
        note: p.inherited?.note ?? p.mention.note,
        dependsOn: newKeys(person, existing ? null : { key: m.key }),
        meetingKey: m.key,
        participation: { meeting: meetingRef, person, role: null },
        known: knownHere && existing ? { id: existing.id, fromThisSource: false, how: `the graph has ${p.mention.person.name} at ${existing.id}` } : null,
      }),
    );
  }
  if (m.kind === "talks") drafts.push(...durationAndClaimDrafts(text, m, meetingRef, existing, thisSource));
  return drafts;
}

function durationAndClaimDrafts(
  text: string,
  m: FoundMeeting,
  meeting: Ref,
  existing: MeetingCandidate | null,
  thisSource: (s: SourceRef | null) => boolean,
): ProposalDraft[] {
  const drafts: ProposalDraft[] = [];
  const dependsOn = "key" in meeting ? [meeting.key] : [];
  let duration: { d: DurationWording; headline: boolean } | null = null;
  for (const s of m.sentences) {
    const found = findDurations(s.text, s.start);
    const waits = found.filter((d) => isWait(s.text, d.start - s.start));
    // A headline's wording ("Five-Hour Summit") only when the body gives none.
    const first = found.filter((d) => !waits.includes(d)).map((d) => ({ d, headline: isHeadline(s) }))[0];
    if (first && (!duration || (duration.headline && !first.headline))) duration = first;
    for (const c of findClaims(
      s.text,
      s.start,
      waits.map((w) => ({ ...w, minutes: w.figureMinutes })),
    )) {
      const same = existing?.claims.find((x) => x.field === c.field && x.value === c.value);
      const other = existing?.claims.find((x) => x.field === c.field && x.value !== c.value);
      drafts.push(
        draft(text, c, {
          key: `claim:${m.key}:${c.field}:${c.start}`,
          kind: "CLAIM",
          summary: `${c.field} of ${meetingTitle(m)}: ${c.value}`,
          confidence: 0.7,
          reason: c.reason,
          dependsOn,
          meetingKey: m.key,
          claim: { meeting, field: c.field, value: c.value, wording: c.wording, hedge: c.hedge },
          known: same ? { id: same.id, fromThisSource: thisSource(same.source), how: `the graph's claim ${same.id} has the same ${c.field}` } : null,
          contradicts: !same && other ? { id: other.id, how: `the graph's claim ${other.id} says ${other.value}` } : null,
        }),
      );
    }
  }
  if (duration) {
    const { d } = duration;
    const bounds = durationBounds(d);
    const same = existing?.durations.find((x) => x.wording !== null && normalize(x.wording) === normalize(d.wording));
    const clash = existing?.durations.find(
      (x) =>
        x.minMinutes !== null &&
        bounds.minMinutes !== null &&
        ((x.maxMinutes !== null && bounds.minMinutes > x.maxMinutes) || (bounds.maxMinutes !== null && x.minMinutes > bounds.maxMinutes)),
    );
    drafts.push(
      draft(text, d, {
        key: `duration:${m.key}`,
        kind: "DURATION",
        summary: `${meetingTitle(m)} lasted "${d.wording}" (${bounds.minMinutes ?? "?"}–${bounds.maxMinutes ?? "…"} min)`,
        confidence: d.figureMinutes === null ? 0.6 : 0.85,
        reason: d.pattern,
        dependsOn,
        meetingKey: m.key,
        duration: {
          meeting,
          wording: d.wording,
          figureMinutes: d.figureMinutes,
          granularityMinutes: d.granularityMinutes,
          bound: d.bound,
          minMinutes: bounds.minMinutes,
          maxMinutes: bounds.maxMinutes,
          hedge: d.hedge,
        },
        known: same ? { id: same.id, fromThisSource: thisSource(same.source), how: `the graph's duration claim ${same.id} has the same wording` } : null,
        contradicts: clash ? { id: clash.id, how: `the graph's duration "${clash.wording}" allows ${clash.minMinutes}–${clash.maxMinutes ?? "…"} min` } : null,
      }),
    );
  }
  return drafts;
}

function statementDraft(
  text: string,
  s: ReturnType<typeof findStatements>[number],
  said: StatementCandidate[],
  meetings: FoundMeeting[],
  thisSource: (src: SourceRef | null) => boolean,
): ProposalDraft {
  const speaker = ref(s.speaker);
  const known = said.find((x) => x.speakerId === s.speaker.existing?.id && [x.text, ...x.wordings.map((w) => w.text)].some((t) => sameStatement(t, s.text)));
  const within = (at: number) => (m: FoundMeeting) => m.sentences.some((x) => x.start <= at && at < x.end);
  // Said at a briefing the article reports: the briefing is its meeting.
  const briefing = s.occasionSpan ? meetings.find((m) => m.kind === "briefing" && within(s.occasionSpan!.start)(m)) : undefined;
  const meeting = briefing ?? meetings.find(within(s.start));
  // Made at a meeting the article reports ("at the start of the meeting"), it is dated by it when the text gives no date of its own.
  const at = briefing ?? (s.duringMeeting && s.occasionSpan ? meetings.find(within(s.occasionSpan.start)) : undefined);
  const datedBy = !s.saidOn && at?.date ? at : undefined;
  const saidOn = s.saidOn ?? datedBy?.date ?? null;
  const dateNote = datedBy
    ? `said at ${meetingTitle(datedBy)}${datedBy.kind === "briefing" ? "" : "'s meeting"} of ${datedBy.date}${datedBy.dateNote ? ` (${datedBy.dateNote})` : ""}`
    : null;
  const words = s.text.split(/\s+/).slice(0, 6).join(" ");
  return draft(text, s, {
    key: `statement:${s.start}`,
    kind: "STATEMENT",
    summary: `${s.speaker.name} ${s.kind === "QUOTE" ? "said" : "(paraphrased)"}: ${s.text.length > 100 ? `${s.text.slice(0, 100)}…` : s.text}`,
    confidence: s.confidence,
    reason: s.reason,
    note: [s.speakerNote, s.whenNote, dateNote].filter(Boolean).join("; ") || null,
    dependsOn: newKeys(speaker, meeting ? { key: meeting.key } : null),
    meetingKey: meeting?.key ?? null,
    statement: {
      ...(known ? { existingId: known.id } : {}),
      id: known?.id ?? `${s.speaker.id}-${slug(words)}`,
      speaker,
      text: s.text,
      kind: s.kind,
      saidOn,
      occasion: s.occasion,
      meeting: meeting ? { key: meeting.key } : null,
    },
    known: known
      ? { id: known.id, fromThisSource: known.wordings.some((w) => thisSource(w.source)), how: `${s.speaker.name}'s statement ${known.id} has these words` }
      : null,
  });
}

/**
 * Whose "his"/"her" a role phrase is: the person named just before "and his" ("Putin and his
 * adviser"), else the person last named with a possessive ("Trump's special envoy and his son-in-law").
 */
function pronounOwner(text: string, mentions: readonly PersonMention[], role: { start: number }): PersonMention | undefined {
  const before = mentions.filter((o) => o.end <= role.start);
  const coordinated = before.at(-1);
  if (coordinated && !coordinated.byRole && !coordinated.possessive && /^(?:\s+and|,)\s+$/.test(text.slice(coordinated.end, role.start))) return coordinated;
  return [...before].reverse().find((o) => o.possessive);
}

function roleDrafts(text: string, mentions: readonly PersonMention[]): ProposalDraft[] {
  const drafts = new Map<string, ProposalDraft>();
  for (const m of mentions) {
    const role = m.role;
    if (!role || role.determiner === "the" || role.determiner === "a" || role.determiner === "an") continue;
    const span = { start: Math.min(role.start, m.start), end: Math.max(role.end, m.end) };
    for (const title of role.title.split(/\s+and\s+/)) {
      const head = roleHead(title);
      const relation = RELATIONS[head] ?? RELATIONS[title.toLowerCase()];
      const owner = role.owner
        ? mentions.find((o) => o.start >= role.start && o.end <= role.end && o !== m)
        : role.pronounOwner
          ? pronounOwner(text, mentions, role)
          : undefined;
      if (relation === "son-in-law-of" || (relation && owner)) {
        if (!owner) continue;
        const key = `relation:${m.person.key}:${relation}:${owner.person.key}`;
        if (!drafts.has(key)) {
          drafts.set(
            key,
            draft(text, span, {
              key,
              kind: "RELATION",
              summary: `${m.person.name} is ${title} of ${owner.person.name}`,
              confidence: 0.7,
              reason: `role phrase "${title}" with the owner ${owner.person.name}`,
              note: role.pronounOwner
                ? `"${text.slice(role.start, role.end).split(/\s/)[0]}": ${owner.person.name}, ${owner.possessive ? "named with a possessive just before" : "named just before it"}`
                : null,
              dependsOn: newKeys(ref(m.person), ref(owner.person)),
              relation: { from: ref(m.person), to: ref(owner.person), kind: relation },
            }),
          );
        }
        if (relation === "son-in-law-of") continue;
      }
      const key = `role:${m.person.key}:${slug(title)}`;
      if (
        drafts.has(key) ||
        [...drafts.values()].some(
          (d) =>
            d.kind === "ROLE" &&
            d.role?.person &&
            "key" in d.role.person === false &&
            d.key.startsWith(`role:${m.person.key}:`) &&
            slug(title).includes(d.key.split(":").at(-1)!),
        )
      )
        continue;
      drafts.set(
        key,
        draft(text, span, {
          key,
          kind: "ROLE",
          summary: `${m.person.name}: ${title}${role.owner ? ` (of ${role.owner})` : ""}`,
          confidence: 0.75,
          reason: `role phrase "${text.slice(role.start, role.end)}" beside the name`,
          note: m.byRole ? m.note : null,
          dependsOn: newKeys(ref(m.person)),
          role: { person: ref(m.person), id: `${m.person.id}-${slug(title)}`, title, countryId: null, organizationId: null },
        }),
      );
    }
  }
  return [...drafts.values()];
}

/**
 * A short article that names people, a place, a date, a duration and a quote: extracting it once
 * loads the NLP lexicons and has Neo4j plan every lookup statement, which the first article
 * ingested after a start would otherwise pay for (seconds). Names the graph lacks resolve to nothing.
 */
const WARMUP_ARTICLE: Article = {
  text: `Vladimir Putin met Steve Witkoff in Moscow on Tuesday. The talks lasted about three hours. "We made progress," Witkoff said.`,
  publishedOn: "2025-08-07",
};

/** Runs the extraction once, reading only (see WARMUP_ARTICLE). */
export async function warmUpExtraction(lookup: GraphLookup): Promise<void> {
  await extractProposals(WARMUP_ARTICLE, lookup);
}
