/**
 * Duration wordings ("just under three hours", "a four-and-a-half-hour meeting", "90 minutes",
 * "rumored to be brief") read into the graph's duration rule: the figure, what it is rounded to,
 * which way the words bound it and how far the source distances itself. The minutes follow from
 * src/model/duration.ts, never from arithmetic here.
 */
import type { DurationBound, DurationFigure } from "../model/duration.js";
import type { Hedge } from "../model/evidence.js";
import type { Span } from "./text.js";

export interface DurationWording extends Span, DurationFigure {
  wording: string;
  hedge: Hedge;
  /** Which rule read it, for the draft's reason. */
  pattern: string;
}

const NUMBERS: Record<string, number> = {
  one: 1,
  an: 1,
  a: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${Object.keys(NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
const SEP = `[-\\s]`;
const FRACTION = `(?:${SEP}and${SEP}(?:a${SEP})?(half|quarter)|${SEP}and${SEP}three${SEP}quarters)`;
const UNIT = `(hours?|hrs?|minutes?|mins?)`;
const QUALIFIER = `(just\\s+under|just\\s+over|(?:a\\s+little|slightly)\\s+(?:over|more\\s+than)|close\\s+to|nearly|almost|about|approximately|around|roughly|some|more\\s+than|over|less\\s+than|under|at\\s+least)`;

const FIGURE = new RegExp(`\\b(?:${QUALIFIER}\\s+)?(${NUMBER})(${FRACTION})?${SEP}${UNIT}\\b(?:${SEP}(long|and${SEP}a${SEP}half))?`, "gi");
const HALF_HOUR =
  /\b(?:(about|nearly|almost|just under|close to|more than|over)\s+)?(half\s+an\s+hour|half-hour|an\s+hour\s+and\s+a\s+half|hour-long|an\s+hour)\b/gi;
const NO_FIGURE =
  /\b((?:were|was)\s+)?(rumou?red|reported(?:ly)?|said|believed)\s+to\s+(?:have\s+been|be)\s+(brief|short|lengthy|long)\b|\b(brief|lengthy)\s+(?:meeting|talks|session|encounter)\b/gi;

const BOUNDS: Record<string, { bound: DurationBound; hedge: Hedge }> = {
  "just under": { bound: "UNDER", hedge: "APPROXIMATE" },
  "close to": { bound: "UNDER", hedge: "APPROXIMATE" },
  nearly: { bound: "UNDER", hedge: "APPROXIMATE" },
  almost: { bound: "UNDER", hedge: "APPROXIMATE" },
  "less than": { bound: "UNDER", hedge: "NONE" },
  under: { bound: "UNDER", hedge: "NONE" },
  about: { bound: "AROUND", hedge: "APPROXIMATE" },
  approximately: { bound: "AROUND", hedge: "APPROXIMATE" },
  around: { bound: "AROUND", hedge: "APPROXIMATE" },
  roughly: { bound: "AROUND", hedge: "APPROXIMATE" },
  some: { bound: "AROUND", hedge: "APPROXIMATE" },
  "more than": { bound: "OVER", hedge: "NONE" },
  over: { bound: "OVER", hedge: "NONE" },
  "just over": { bound: "OVER", hedge: "APPROXIMATE" },
  "a little over": { bound: "OVER", hedge: "APPROXIMATE" },
  "a little more than": { bound: "OVER", hedge: "APPROXIMATE" },
  "slightly over": { bound: "OVER", hedge: "APPROXIMATE" },
  "slightly more than": { bound: "OVER", hedge: "APPROXIMATE" },
  "at least": { bound: "OVER", hedge: "NONE" },
};

const qualifierOf = (q: string | undefined) =>
  (q ? BOUNDS[q.toLowerCase().replace(/\s+/g, " ")] : undefined) ?? { bound: "AROUND" as const, hedge: "NONE" as const };

const numberOf = (word: string) => NUMBERS[word.toLowerCase()] ?? Number(word);

/** A figure's granularity: what its last stated part is rounded to. */
function granularity(minutes: number, unitIsHours: boolean, fraction: string | null): number {
  if (fraction === "quarter") return 15;
  if (fraction === "half") return 30;
  if (unitIsHours) return Number.isInteger(minutes / 60) ? 60 : minutes % 30 === 0 ? 30 : minutes % 15 === 0 ? 15 : 1;
  return minutes % 60 === 0 && minutes >= 60 ? 30 : minutes % 10 === 0 ? 10 : minutes % 5 === 0 ? 5 : 1;
}

/** The duration wordings in a sentence (`offset`: where it starts in the article). */
export function findDurations(sentence: string, offset: number): DurationWording[] {
  const found: DurationWording[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const [, qualifier, number, fractionPart, , unit, trailing] = m;
    const hours = /^h/i.test(unit!);
    const fraction = fractionPart
      ? /quarter/i.test(fractionPart)
        ? /three/i.test(fractionPart)
          ? "three-quarters"
          : "quarter"
        : "half"
      : /half/i.test(trailing ?? "")
        ? "half"
        : null;
    const extra = fraction === "half" ? 30 : fraction === "quarter" ? 15 : fraction === "three-quarters" ? 45 : 0;
    const figure = Math.round(numberOf(number!) * (hours ? 60 : 1)) + (hours ? extra : 0);
    const { bound, hedge } = qualifierOf(qualifier);
    const wording = m[0].replace(/[-\s]long$/i, "");
    found.push({
      start: offset + m.index,
      end: offset + m.index + wording.length,
      wording,
      figureMinutes: figure,
      granularityMinutes: granularity(figure, hours, fraction === "three-quarters" ? "quarter" : fraction),
      bound,
      hedge,
      pattern: `duration figure "${wording}"${qualifier ? ` with "${qualifier}" (${bound})` : " (a bare figure: AROUND)"}`,
    });
  }
  for (const m of sentence.matchAll(HALF_HOUR)) {
    if (found.some((f) => f.start <= offset + m.index && offset + m.index < f.end)) continue;
    const phrase = m[2]!.toLowerCase();
    const figure = /and a half/.test(phrase) ? 90 : /half/.test(phrase) ? 30 : 60;
    const { bound, hedge } = qualifierOf(m[1]);
    found.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      wording: m[0],
      figureMinutes: figure,
      granularityMinutes: figure === 60 ? 60 : 30,
      bound,
      hedge,
      pattern: `duration phrase "${m[0]}"`,
    });
  }
  for (const m of sentence.matchAll(NO_FIGURE)) {
    const wording = m[0].replace(/^(were|was)\s+/i, "");
    const start = offset + m.index + (m[0].length - wording.length);
    const hedge: Hedge = /rumou?red/i.test(wording) ? "RUMORED" : /reported|said|believed/i.test(wording) ? "REPORTED" : "NONE";
    found.push({
      start,
      end: start + wording.length,
      wording,
      figureMinutes: null,
      granularityMinutes: null,
      bound: null,
      hedge,
      pattern: `duration without a figure "${wording}"`,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "kept the envoy waiting for eight hours": a wait, not a meeting's length. */
export const isWait = (sentence: string, wordingStart: number) => /\bwait(ed|ing)?\b[^.;]{0,40}?\bfor\s*$/i.test(sentence.slice(0, wordingStart));
