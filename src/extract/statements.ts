/**
 * Statements: direct quotes (a quotation that starts a sentence or follows a colon, with its
 * speaker named after it, before the colon, by a pronoun, or in the next sentence) and
 * paraphrases ("Ushakov confirmed that …").
 */
import type { PersonMention, PersonRef } from "./people.js";
import { normalize, wordOverlap, type Sentence, type Span } from "./text.js";

export interface FoundStatement extends Span {
  /** The statement's words as the source gives them. */
  text: string;
  kind: "QUOTE" | "PARAPHRASE";
  speaker: PersonRef;
  /** INFERRED: a pronoun, a role or the next sentence gave the speaker; why, for the note. */
  speakerNote: string | null;
  confidence: number;
  reason: string;
}

const SPEECH_VERB =
  "(?:said|says|stated|remarked|added|told|noted|warned|declared|insisted|explained|wrote|replied|continued|recalled|observed|stressed|emphasized|emphasised|acknowledged|confirmed|announced|argued|claimed|asked|answered)";
/** After a closing quote: "he stated", "the secretary of state said", "said Putin", "Ushakov remarked". */
const AFTER_QUOTE = new RegExp(`^[,.!?]?\\s*(?:(he|she)\\s+${SPEECH_VERB}|the\\s+[\\p{L}\\s.-]{2,40}?\\s+${SPEECH_VERB}|${SPEECH_VERB}\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.\\-’' ]*|\\p{Lu}[\\p{L}.\\-’' ]*?\\s+${SPEECH_VERB})\\b`, "u");
const PARAPHRASE = new RegExp(`\\b${SPEECH_VERB}\\s+that\\b`, "u");
const QUOTE = /“([^”]+)”|"([^"\n]+)"/g;

const speakers = (mentions: readonly PersonMention[]) => mentions.filter((m) => !m.possessive && !m.quoted);
const lastBefore = (mentions: readonly PersonMention[], at: number) => speakers(mentions).filter((m) => m.end <= at).at(-1);
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
    if (after[1]) {
      const speaker = lastBefore(mentions, open);
      return { speaker, note: speaker ? `"${after[1]}" after the quote: the person named last before it, ${speaker.person.name}` : null, reason, end };
    }
    return { speaker: speakers(mentions).find((m) => m.start >= close && m.start <= close + after[0].length), note: null, reason, end };
  }
  if (/:\s*$/.test(text.slice(first.start, open))) return { speaker: firstIn(mentions, { start: first.start, end: open }), note: null, reason: "quote introduced with a colon by its speaker", end };
  const next = sentences[last.index + 1];
  const speaker = next && new RegExp(SPEECH_VERB).test(next.text) ? firstIn(mentions, next) : undefined;
  return { speaker, note: speaker ? `the next sentence names the speaker: "${next!.text.slice(0, 80)}"` : null, reason: "quote whose speaker the next sentence names", end: speaker ? next!.end : end };
}

export function findStatements(text: string, sentences: readonly Sentence[], mentions: readonly PersonMention[]): FoundStatement[] {
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
    found.push({ start: Math.min(first.start, open), end, text: inner, kind: "QUOTE", speaker: speaker.person, speakerNote, confidence: speakerNote ? 0.75 : 0.9, reason });
  }
  for (const s of sentences) {
    const verb = PARAPHRASE.exec(s.text);
    if (!verb || found.some((f) => f.start <= s.start && s.end <= f.end)) continue;
    const subject = firstIn(mentions, { start: s.start, end: s.start + verb.index });
    const pronoun = /\b(he|she)\s+(?:also\s+|later\s+|then\s+)?$/i.test(s.text.slice(0, verb.index));
    const speaker = subject ?? (pronoun ? lastBefore(mentions, s.start) : undefined);
    if (!speaker) continue;
    found.push({
      start: s.start,
      end: s.end,
      text: s.text,
      kind: "PARAPHRASE",
      speaker: speaker.person,
      speakerNote: subject ? (speaker.byRole ? speaker.note : null) : `"he"/"she": the person named last before, ${speaker.person.name}`,
      confidence: subject ? 0.7 : 0.6,
      reason: `reported speech "${verb[0]}"`,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The same statement, when another source reported it: most of the shorter text's words are in the other. */
export const sameStatement = (a: string, b: string) => normalize(a) === normalize(b) || wordOverlap(a, b) >= 0.7;
