/**
 * Meetings: the sentences that speak of an encounter ("talks", "met", "session"), grouped into
 * the article's main meeting, meetings with a date of their own (a list of earlier meetings), and
 * briefings ("told reporters", "to brief"); with their participants, place and date.
 */
import { dayAfter, dayBefore, findDates, type FoundDate } from "./dates.js";
import type { PersonMention } from "./people.js";
import { PLACE_RANK, type PlaceMention } from "./places.js";
import { quotedSpans, type Sentence, type Span } from "./text.js";

export interface Participant {
  mention: PersonMention;
  /** Set when the meeting's own sentences do not name them: the sentence they were taken from, and why (for the draft's reason and note). */
  inherited: { from: Sentence; reason: string; note: string } | null;
}

export interface FoundMeeting {
  key: string;
  kind: "talks" | "briefing";
  sentences: Sentence[];
  participants: Participant[];
  place: PlaceMention | null;
  date: string | null;
  dateEnd: string | null;
  /** Set when the date was not stated whole: the reasoning. */
  dateNote: string | null;
  dateSpan: Span | null;
}

const MEETING_WORDS =
  /\b(meeting|meetings|met|meet|talks|session|summit|negotiations?|discussions|dialogue|delegation|sat down|encounter|tête-à-tête|conversation)\b/i;
/** Someone briefing: a verb, or a briefing as the frame of the sentence ("At a news conference", not "called the news conference"). */
const BRIEFING =
  /\b(to brief|briefed|told reporters|to reporters|(?:at|in|during|gave|held)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:briefing|press conference|news conference))\b/i;
/** A meeting that did not happen: "no meeting … is scheduled", "not under consideration". */
/** Someone at the talks without a meeting word of their own: "who attended the talks", "sat in on the lunch", "was also in the room". */
const ATTENDANCE =
  /\b(?:attended the (?:talks|meeting|summit|session)|sat in on|sat on the [\p{L}-]+ side|(?:was|were) (?:also )?in the room|(?:was|were) joined by)\b/iu;
/** Between two names: "… met …", "… also met with Finnish President …". */
const MET = /^\s+(?:also\s+|had\s+|then\s+)?met(?:\s+with)?\s+(?:[\p{L}.-]+\s+){0,3}$/u;
const JOINT = /\bjoint\s+(?:news|press)\s+(?:conference|briefing|appearance|availability)\b/i;
/** Talks that went on into the next day: "ran past midnight", "into the early hours". */
const PAST_MIDNIGHT = /\b(?:past|after|beyond|until|till)\s+midnight\b|\binto the (?:early|small) hours\b|\bovernight\b/i;
const NOT_AN_EVENT = /\b(?:not|no)\b[^.;]{0,80}\b(?:scheduled|planned|under consideration|announced|expected|set)\b/i;

/** The sentence with its quotations blanked: the speaker's words name no meeting of the article's. */
function ownWords(s: Sentence): string {
  let text = s.text;
  for (const q of quotedSpans(s.text)) text = text.slice(0, q.start) + " ".repeat(q.end - q.start) + text.slice(q.end);
  return text;
}

const within = (span: Span, s: Sentence) => span.start >= s.start && span.end <= s.end;

export function findMeetings(
  sentences: readonly Sentence[],
  mentions: readonly PersonMention[],
  places: readonly PlaceMention[],
  publishedOn: string | null,
): FoundMeeting[] {
  const meetings: FoundMeeting[] = [];
  let main: FoundMeeting | null = null;
  const peopleIn = (s: Sentence) => mentions.filter((m) => within(m, s) && !m.possessive && !m.quoted);
  const create = (kind: FoundMeeting["kind"], s: Sentence): FoundMeeting => {
    const m: FoundMeeting = {
      key: `meeting:${s.start}`,
      kind,
      sentences: [],
      participants: [],
      place: null,
      date: null,
      dateEnd: null,
      dateNote: null,
      dateSpan: null,
    };
    meetings.push(m);
    return m;
  };
  const add = (m: FoundMeeting, s: Sentence) => {
    m.sentences.push(s);
    for (const p of peopleIn(s)) if (!m.participants.some((x) => x.mention.person.key === p.person.key)) m.participants.push({ mention: p, inherited: null });
    for (const place of places.filter((p) => within(p, s))) {
      if (!m.place || (PLACE_RANK[place.place.kind] ?? 0) > (PLACE_RANK[m.place.place.kind] ?? 0)) m.place = place;
    }
  };
  const setDate = (m: FoundMeeting, d: FoundDate) => {
    m.dateSpan = d;
    if (d.earlyHours && d.date.length === 10) {
      m.date = dayBefore(d.date);
      m.dateEnd = d.date;
      m.dateNote = `${d.relativeNote ? `${d.relativeNote}; ` : ""}"the early hours of" that day: the meeting began the day before, ${m.date}`;
    } else {
      m.date = d.date;
      m.dateEnd = d.dateEnd;
      m.dateNote = d.relativeNote;
    }
  };

  for (const s of sentences) {
    const plain = ownWords(s);
    if (NOT_AN_EVENT.test(plain)) continue;
    const people = peopleIn(s);
    const dates = findDates(s.text, s.start, publishedOn);
    // "Blinken, who attended the talks, …", "Wang Yi was also in the room": people at the talks the article is about.
    if (main && ATTENDANCE.test(plain) && people.some((p) => !main!.participants.some((x) => x.mention.person.key === p.person.key))) {
      main.sentences.push(s);
      for (const p of people)
        if (!main.participants.some((x) => x.mention.person.key === p.person.key)) main.participants.push({ mention: p, inherited: null });
    }
    if (BRIEFING.test(plain) && people.length > 0) {
      const briefer = people[0]!;
      const briefing =
        meetings.find((m) => m.kind === "briefing" && m.participants.some((p) => p.mention.person.key === briefer.person.key)) ?? create("briefing", s);
      briefing.sentences.push(s);
      if (briefing.participants.length === 0) briefing.participants.push({ mention: briefer, inherited: null });
      // A joint news conference is given by the parties to the talks it follows.
      if (JOINT.test(plain) && main && briefing.participants.length === 1) {
        // The parties are those named where the talks are first told, not everyone who later joined them.
        const named = (t: Sentence) => main!.participants.filter((x) => within(x.mention, t));
        const talks = main.sentences.find((t) => named(t).length >= 2) ?? main.sentences[0]!;
        for (const p of named(talks).filter((x) => x.mention.person.key !== briefer.person.key)) {
          const note = `"${JOINT.exec(plain)![0]}": given by the parties to the talks of "${talks.text.slice(0, 80)}", among them ${p.mention.person.name}`;
          briefing.participants.push({ mention: p.mention, inherited: { from: talks, reason: "a party to the talks a joint briefing follows", note } });
        }
      }
      const place = places.find((p) => within(p, s) && p.start > briefer.end);
      if (place && !briefing.place) briefing.place = place;
      if (!briefing.date && dates[0]) setDate(briefing, dates[0]);
      continue;
    }
    const talk = MEETING_WORDS.test(plain);
    // "Trump met Finnish President Sauli Niinistö": a pair meeting beside the article's main talks, with someone not at them.
    const pair =
      main && main.participants.length >= 2 ? people.findIndex((x, i) => i > 0 && MET.test(s.text.slice(people[i - 1]!.end - s.start, x.start - s.start))) : -1;
    if (pair > 0 && !main!.participants.some((x) => x.mention.person.key === people[pair]!.person.key)) {
      const met = create("talks", s);
      met.sentences.push(s);
      for (const p of [people[pair - 1]!, people[pair]!]) met.participants.push({ mention: p, inherited: null });
      if (dates[0]) setDate(met, dates[0]);
      continue;
    }
    const absolute = dates.find((d) => d.relativeNote === null);
    if (absolute && (talk || s.lineStart) && (!main || main.date !== absolute.date)) {
      const dated = create("talks", s);
      setDate(dated, absolute);
      add(dated, s);
      continue;
    }
    if (!talk) continue;
    main ??= create("talks", s);
    add(main, s);
    const date = dates[0];
    if (!main.date && date) setDate(main, date);
  }

  for (const m of meetings) {
    // An item of a list of meetings names fewer than two people: they are the people the list is about.
    if (m !== main && m.kind === "talks" && m.participants.length < 2) {
      const first = m.sentences[0]!;
      const context = [...sentences.slice(0, first.index)].reverse().find((s) => new Set(peopleIn(s).map((p) => p.person.key)).size >= 2);
      for (const p of context ? peopleIn(context) : []) {
        if (!m.participants.some((x) => x.mention.person.key === p.person.key)) {
          const note = `the item does not name ${p.person.name}: the list it belongs to is about the meetings of "${context!.text.slice(0, 80)}"`;
          m.participants.push({ mention: p, inherited: { from: context!, reason: "named in the sentence that introduces the list of meetings", note } });
        }
      }
    }
    const midnight = m.date?.length === 10 && !m.dateEnd ? m.sentences.find((s) => PAST_MIDNIGHT.test(ownWords(s))) : undefined;
    if (midnight) {
      m.dateEnd = dayAfter(m.date!);
      m.dateNote = `${m.dateNote ? `${m.dateNote}; ` : ""}"${PAST_MIDNIGHT.exec(ownWords(midnight))![0]}": the meeting ended the next day, ${m.dateEnd}`;
    }
    if (!m.date && publishedOn) {
      const after = m.kind === "briefing" ? (main?.dateEnd ?? main?.date ?? null) : null;
      m.date = after && after.length === 10 ? after : publishedOn;
      m.dateNote = after ? `no date of its own: the day the talks it follows ended, ${m.date}` : `no date in the text: the publication date, ${publishedOn}`;
    }
  }
  return meetings.filter((m) => m.participants.length > 0);
}
