/**
 * Statements: direct quotes (a quotation that starts a sentence or follows a colon, with its
 * speaker named after it, before the colon, by a pronoun, or in the next sentence) and
 * paraphrases ("Ushakov confirmed that …"), with when and on what occasion they were made when
 * the text gives it.
 */
import { findDates } from "./dates.js";
import { findOccasion, MOMENT_OF_A_MEETING } from "./occasions.js";
import type { PersonMention, PersonRef } from "./people.js";
import { normalize, quotedSpans, wordOverlap, type Sentence, type Span } from "./text.js";

export interface FoundStatement extends Span {
  /** The statement's words as the source gives them. */
  text: string;
  kind: "QUOTE" | "PARAPHRASE";
  speaker: PersonRef;
  /** INFERRED: a pronoun, a role or the next sentence gave the speaker; why, for the note. */
  speakerNote: string | null;
  confidence: number;
  reason: string;
  /** When it was said (YYYY-MM-DD or YYYY-MM), if the text says. */
  saidOn: string | null;
  /** The occasion in the text's words ("to reporters after the talks"), if the text gives one. */
  occasion: string | null;
  /** Where the occasion or date was read: a briefing there dates the statement when the text does not. */
  occasionSpan: Span | null;
  /** The occasion is a moment of a meeting ("at the start of the meeting"): the meeting dates it. */
  duringMeeting: boolean;
  /** How the date or occasion was reasoned (a relative date, an earlier sentence), for the draft's note. */
  whenNote: string | null;
}

type When = Pick<FoundStatement, "saidOn" | "occasion" | "occasionSpan" | "duringMeeting" | "whenNote">;
const NO_WHEN: When = { saidOn: null, occasion: null, occasionSpan: null, duringMeeting: false, whenNote: null };

/** The date and occasion the article's own words give in `span` (quotations blanked, so the speaker's words give neither). */
function whenIn(text: string, span: Span, mentions: readonly PersonMention[], publishedOn: string | null): When {
  let words = text.slice(span.start, span.end);
  for (const q of quotedSpans(words)) words = words.slice(0, q.start - 1) + " ".repeat(q.end - q.start + 2) + words.slice(q.end + 1);
  const isPerson = (name: Span) => mentions.some((m) => m.start < name.end && name.start < m.end);
  const occasion = findOccasion(words, span.start, isPerson);
  const date = findDates(words, span.start, publishedOn)[0] ?? null;
  if (!occasion && !date) return NO_WHEN;
  return {
    saidOn: date?.date ?? null,
    occasion: occasion?.text ?? null,
    occasionSpan: occasion ?? date,
    duringMeeting: occasion?.pattern === MOMENT_OF_A_MEETING,
    whenNote: date?.relativeNote ?? null,
  };
}

const sameParagraph = (text: string, a: Span, b: Span) => !text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)).includes("\n");

/**
 * When the statement's own words give no date or occasion: the sentence just before it that names
 * its speaker ("In a post-meeting briefing, Ushakov offered …"), else the speaker's statement just
 * before it in the same paragraph.
 */
function inheritWhen(
  text: string,
  sentences: readonly Sentence[],
  mentions: readonly PersonMention[],
  found: readonly FoundStatement[],
  publishedOn: string | null,
): void {
  found.forEach((f, i) => {
    if (f.saidOn || f.occasion) return;
    const first = sentenceAt(sentences, f.start);
    const before = sentences[first.index - 1];
    const named =
      before && sameParagraph(text, before, f) && mentions.some((m) => m.person.key === f.speaker.key && m.start >= before.start && m.end <= before.end);
    const fromSentence = named ? whenIn(text, before, mentions, publishedOn) : NO_WHEN;
    if (fromSentence.occasionSpan && before) {
      Object.assign(f, fromSentence, {
        whenNote: [`the sentence before names ${f.speaker.name} and when or where they spoke: "${before.text.slice(0, 80)}"`, fromSentence.whenNote]
          .filter(Boolean)
          .join("; "),
      });
      return;
    }
    const previous = found
      .slice(0, i)
      .reverse()
      .find((p) => p.speaker.key === f.speaker.key);
    if (previous?.occasionSpan && sameParagraph(text, previous, f)) {
      Object.assign(f, {
        saidOn: previous.saidOn,
        occasion: previous.occasion,
        occasionSpan: previous.occasionSpan,
        duringMeeting: previous.duringMeeting,
        whenNote: `as ${f.speaker.name}'s statement before it in the same paragraph${previous.whenNote ? `: ${previous.whenNote}` : ""}`,
      });
    }
  });
}

const SPEECH_VERB =
  "(?:said|says|stated|remarked|added|told|noted|warned|declared|insisted|explained|wrote|replied|continued|recalled|observed|stressed|emphasized|emphasised|acknowledged|confirmed|announced|argued|claimed|asked|answered)";
/** After a closing quote: "he stated", "the secretary of state said", "said Putin", "Ushakov remarked". */
const AFTER_QUOTE = new RegExp(
  `^[,.!?]?\\s*(?:(he|she)\\s+${SPEECH_VERB}|the\\s+[\\p{L}\\s.-]{2,40}?\\s+${SPEECH_VERB}|${SPEECH_VERB}\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.\\-’' ]*|\\p{Lu}[\\p{L}.\\-’' ]*?\\s+${SPEECH_VERB})\\b`,
  "u",
);
/** When or where, between a speech verb and "that": "on Wednesday", "at a press briefing on Wednesday", "after the talks". */
const SAID_WHEN = `(?:on\\s+(?:[A-Z][a-z]+day|\\d[^,.;:"“”]{0,20}?)|(?:at|in|during|after|following)\\s+(?:a|an|the|his|her|their)\\s+[^,.;:"“”]{1,40}?)`;
/** "said that", "told reporters after the talks that", "said at a press briefing on Wednesday that". */
const PARAPHRASE = new RegExp(`\\b(?:${SPEECH_VERB}(?:\\s+${SAID_WHEN})?|told\\s+[^,.;:"“”]{1,60}?)\\s+that\\b`, "u");
const QUOTE = /“([^”]+)”|"([^"\n]+)"/g;

const speakers = (mentions: readonly PersonMention[]) => mentions.filter((m) => !m.possessive && !m.quoted);
const lastBefore = (mentions: readonly PersonMention[], at: number) =>
  speakers(mentions)
    .filter((m) => m.end <= at)
    .at(-1);
const firstIn = (mentions: readonly PersonMention[], span: Span) => speakers(mentions).find((m) => m.start >= span.start && m.end <= span.end);
const sentenceAt = (sentences: readonly Sentence[], at: number) => sentences.find((s) => s.start <= at && at < s.end) ?? sentences.at(-1)!;

interface Attribution {
  speaker: PersonMention | undefined;
  note: string | null;
  reason: string;
  end: number;
}

/** Who said the quote between `open` and `close`, and how we know. */
function attribute(text: string, sentences: readonly Sentence[], mentions: readonly PersonMention[], open: number, close: number): Attribution {
  const first = sentenceAt(sentences, open);
  const last = sentenceAt(sentences, close - 1);
  const end = Math.max(last.end, close);
  const after = AFTER_QUOTE.exec(text.slice(close, close + 80));
  if (after) {
    const reason = `quote followed by "${after[0].replace(/^[,.!?]?\s*/, "")}"`;
    // "… not an option." Xi said so at the top of the session: the attribution is the next sentence, and part of the statement.
    const end = Math.max(last.end, close, sentenceAt(sentences, close + after[0].length - 1).end);
    if (after[1]) {
      const speaker = lastBefore(mentions, open);
      return { speaker, note: speaker ? `"${after[1]}" after the quote: the person named last before it, ${speaker.person.name}` : null, reason, end };
    }
    return { speaker: speakers(mentions).find((m) => m.start >= close && m.start <= close + after[0].length), note: null, reason, end };
  }
  if (/:\s*$/.test(text.slice(first.start, open)))
    return { speaker: firstIn(mentions, { start: first.start, end: open }), note: null, reason: "quote introduced with a colon by its speaker", end };
  const next = sentences[last.index + 1];
  const speaker = next && new RegExp(SPEECH_VERB).test(next.text) ? firstIn(mentions, next) : undefined;
  return {
    speaker,
    note: speaker ? `the next sentence names the speaker: "${next!.text.slice(0, 80)}"` : null,
    reason: "quote whose speaker the next sentence names",
    end: speaker ? next!.end : end,
  };
}

export function findStatements(text: string, sentences: readonly Sentence[], mentions: readonly PersonMention[], publishedOn: string | null): FoundStatement[] {
  const found: FoundStatement[] = [];
  for (const q of text.matchAll(QUOTE)) {
    const inner = (q[1] ?? q[2]!).trim().replace(/,$/, "");
    const open = q.index;
    const close = q.index + q[0].length;
    const first = sentenceAt(sentences, open);
    const before = text.slice(first.start, open);
    // A quotation inside a sentence of the article's own ("as “constructive”") is a fragment of a paraphrase.
    const opensSentence = before.trim() === "" || /:\s*$/.test(before);
    if (!/^\p{Lu}/u.test(inner) || !opensSentence || inner.split(/\s+/).length < 3) continue;
    const { speaker, note, reason, end } = attribute(text, sentences, mentions, open, close);
    if (!speaker) continue;
    const speakerNote = [note, speaker.byRole ? speaker.note : null].filter(Boolean).join("; ") || null;
    const span = { start: Math.min(first.start, open), end };
    found.push({
      ...span,
      text: inner,
      kind: "QUOTE",
      speaker: speaker.person,
      speakerNote,
      confidence: speakerNote ? 0.75 : 0.9,
      reason,
      ...whenIn(text, span, mentions, publishedOn),
    });
  }
  for (const s of sentences) {
    const verb = PARAPHRASE.exec(s.text);
    if (!verb || found.some((f) => f.start <= s.start && s.end <= f.end)) continue;
    const subject = firstIn(mentions, { start: s.start, end: s.start + verb.index });
    const pronoun = /\b(he|she)\s+(?:also\s+|later\s+|then\s+)?$/i.test(s.text.slice(0, verb.index));
    // "He also confirmed that …" goes on with the speaker of the statement just before it, else with the person named last.
    const previous =
      pronoun && !subject
        ? found
            .filter((f) => f.end <= s.start && sameParagraph(text, f, s))
            .sort((a, b) => a.end - b.end)
            .at(-1)
        : undefined;
    const named = subject ?? (pronoun && !previous ? lastBefore(mentions, s.start) : undefined);
    const speaker = previous?.speaker ?? named?.person;
    if (!speaker) continue;
    found.push({
      start: s.start,
      end: s.end,
      text: s.text,
      kind: "PARAPHRASE",
      speaker,
      speakerNote: subject
        ? subject.byRole
          ? subject.note
          : null
        : previous
          ? `"he"/"she": the speaker of the statement before it, ${speaker.name}`
          : `"he"/"she": the person named last before, ${speaker.name}`,
      confidence: subject ? 0.7 : 0.6,
      reason: `reported speech "${verb[0]}"`,
      // What is reported may hold dates of its own: only the words before it say when it was said.
      ...whenIn(text, { start: s.start, end: s.start + verb.index + verb[0].length }, mentions, publishedOn),
    });
  }
  found.sort((a, b) => a.start - b.start);
  inheritWhen(text, sentences, mentions, found, publishedOn);
  return found;
}

/** The same statement, when another source reported it: most of the shorter text's words are in the other. */
export const sameStatement = (a: string, b: string) => normalize(a) === normalize(b) || wordOverlap(a, b) >= 0.7;
