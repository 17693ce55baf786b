/** Sentences with their offsets, and the normalizations every rule compares text by. */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Its position among the article's sentences. */
  index: number;
  /** It starts a line, i.e. a paragraph, a heading or a list item. */
  lineStart: boolean;
}

// A period after these does not end a sentence ("the U.S. Embassy", "St. Petersburg").
const ABBREVIATIONS = new Set([
  "u.s",
  "u.k",
  "u.n",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "gen",
  "sen",
  "rep",
  "gov",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "no",
  "vs",
  "jr",
  "sr",
  "e.u",
]);

const SENTENCE_END = /[.!?]+["”’)]*(?=\s)|\n/g;

/** The article split into sentences and lines, trimmed, each with its offsets into the text. */
export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) {
      const lineStart = start === 0 || /\n\s*$/.test(text.slice(Math.max(0, start - 200), start));
      result.push({ start, end, text: text.slice(start, end), index: result.length, lineStart });
    }
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0] !== "\n") {
      const word =
        /([\w.]+)[.!?]*["”’)]*$/
          .exec(text.slice(Math.max(from, match.index - 12), end))?.[1]
          ?.replace(/\.+$/, "")
          .toLowerCase() ?? "";
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
    }
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return result;
}

/** For comparing names and phrases: typographic apostrophes folded, case and spacing ignored. */
export const normalize = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

/** The words of a text, for overlap measures: lowercase letters and digits only. */
export const words = (s: string): string[] => Array.from(normalize(s).matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0]);

/** Share of the words of the shorter text that the other contains. */
export function wordOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = new Set(words(b));
  const shorter = wa.length <= wb.size ? wa : [...wb];
  const longer = wa.length <= wb.size ? wb : new Set(wa);
  if (shorter.length === 0) return 0;
  return shorter.filter((w) => longer.has(w)).length / shorter.length;
}

/** An id in the graph's style: lowercase ASCII words joined by hyphens ("St. Petersburg" → "st-petersburg"). */
export const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The spans of the text inside quotation marks (curly or straight), quotes excluded. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/“([^”]*)”|"([^"\n]*)"/g)) spans.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
  return spans;
}

export const inside = (span: Span, spans: readonly Span[]) => spans.some((s) => span.start >= s.start && span.end <= s.end);

/** A headline: a line of its own, without a sentence's final stop, with most words capitalized. */
export function isHeadline(s: Sentence): boolean {
  const all = s.text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalized = all.filter((w) => /^\p{Lu}/u.test(w)).length;
  return s.lineStart && !/[.!?]["”’]?$/.test(s.text) && all.length > 2 && capitalized / all.length >= 0.6;
}

/**
 * Datelines: the place (and agency) a report is filed from, before a dash at a line's start
 * ("HELSINKI –", "WOODSIDE, California –", "MIAMI (Reuters) -"). The span ends after the dash.
 */
export function datelines(text: string): (Span & { place: Span })[] {
  const found: (Span & { place: Span })[] = [];
  for (const m of text.matchAll(/^(\p{Lu}{2,}[\p{Lu}.'’ -]*(?:,\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*)*)?)(?:\s*\([^)\n]*\))?\s*[-–—]\s+/gmu)) {
    const place = m[1]!.replace(/[\s-]+$/, "");
    found.push({ start: m.index, end: m.index + m[0].length, place: { start: m.index, end: m.index + place.length } });
  }
  return found;
}
