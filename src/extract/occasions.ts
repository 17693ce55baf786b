/**
 * The occasion of a statement, when the text gives it: "told reporters after the talks", "at a
 * press briefing", "told CBS's 60 Minutes", "in an interview with Fox News", "Speaking from Dublin",
 * "at the start of the meeting". Read from the article's own words around a statement, never from
 * the quotation itself.
 */
import type { Span } from "./text.js";

export interface Occasion extends Span {
  /** The occasion in the text's words, from its preposition: "to reporters after the talks". */
  text: string;
  /** Which pattern found it, for the draft's reason. */
  pattern: string;
}

const NAME = String.raw`\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:of\s+)?[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*)*`;
/** "after the talks", "following the Kremlin meeting", "on the sidelines of the summit". */
const WHEN = String.raw`(?:\s+(?:after|following|before|ahead of|during|on the sidelines of)\s+(?:the|a|an|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:talks|meeting|meetings|summit|session|negotiations|visit|call|dinner|lunch))?`;
const AUDIENCE = "reporters|journalists|the press|the media|lawmakers|parliament|state television|state media|supporters|the nation";
const EVENT = "briefing|press conference|news conference|press availability|interview|speech|address|statement|post|rally|forum|hearing|event|remarks";

export const MOMENT_OF_A_MEETING = "moment of a meeting";

const CALENDAR =
  "(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\\b)";

interface Pattern {
  name: string;
  re: RegExp;
  /** Put before the phrase found: "told reporters" is an occasion "to reporters". */
  prefix?: string;
  /** The group that is a broadcaster or publication, which must name no person. */
  named?: number;
}

const PATTERNS: Pattern[] = [
  { name: "speech to an audience", prefix: "to ", re: new RegExp(String.raw`\b(?:told|telling|to)\s+((?:${AUDIENCE})\b${WHEN})`, "iu") },
  {
    name: "interview with a broadcaster",
    re: new RegExp(String.raw`\b(?:[Ii]n|[Dd]uring)\s+((?:an|a|the)\s+(?:\S+\s+)?interview\s+(?:with|on)\s+(${NAME}))`, "u"),
    named: 2,
  },
  {
    name: "speech at an event",
    re: new RegExp(
      String.raw`\b(?:[Aa]t|[Ii]n|[Dd]uring|gave|held)\s+((?:a|an|the|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:${EVENT})(?![\p{L}-])(?:\s+(?:on|to)\s+(?:${CALENDAR}${NAME}|${AUDIENCE}))?${WHEN})`,
      "u",
    ),
  },
  { name: "speaking from a place", prefix: "speaking ", re: new RegExp(String.raw`\b[Ss]peaking\s+((?:from|at|in|on)\s+[^,.;:]+)`, "u") },
  { name: MOMENT_OF_A_MEETING, re: /\b(at the (?:start|end|opening|close|beginning|top) of (?:the|their|a) [\p{L}-]+)/iu },
  {
    name: "told a broadcaster",
    prefix: "to ",
    re: new RegExp(String.raw`\btold\s+(${NAME}['’]s\s+(?:“|")?[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}'’-]*)*(?:”|")?|${NAME})`, "u"),
    named: 1,
  },
];

/**
 * The first occasion in `words` (the article's words, quotations blanked; `offset` where they start
 * in the article). `isPerson` tells a person's name ("told Xi") from a broadcaster's.
 */
export function findOccasion(words: string, offset: number, isPerson: (span: Span) => boolean): Occasion | null {
  const found: Occasion[] = [];
  for (const { name, re, prefix, named } of PATTERNS) {
    const m = re.exec(words);
    if (!m) continue;
    const phrase = m[1]!.replace(/[\s,]+$/, "");
    const start = offset + m.index + m[0].indexOf(m[1]!);
    if (named !== undefined) {
      const at = offset + m.index + m[0].indexOf(m[named]!);
      if (isPerson({ start: at, end: at + m[named]!.length })) continue;
    }
    found.push({ start, end: start + phrase.length, text: `${prefix ?? ""}${phrase}`, pattern: name });
  }
  return found.sort((a, b) => a.start - b.start)[0] ?? null;
}
