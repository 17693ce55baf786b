/**
 * Places mentioned: compromise's places and the capitalized names after "in", "at", "from",
 * resolved against the graph's places (with their containment), or proposed as new.
 */
import nlp from "compromise";
import type { GraphLookup, PlaceCandidate } from "./lookup.js";
import { slug, words, type Span } from "./text.js";

export interface PlaceRef {
  key: string;
  id: string;
  existing: PlaceCandidate | null;
  name: string;
  kind: string;
}

export interface PlaceMention extends Span {
  text: string;
  place: PlaceRef;
  confidence: number;
  reason: string;
}

const AFTER_PREPOSITION = /\b(?:in|at|from|to|near|outside)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:of\s+|in\s+)?[\p{Lu}][\p{L}.'’-]*){0,4})/gu;
const NOT_A_PLACE: RegExp =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|President|Presidents|NATO|The)$/;

/** How specific a kind of place is: a meeting is placed at its most specific one. */
export const PLACE_RANK: Record<string, number> = { building: 3, site: 3, estate: 3, city: 2, region: 1 };

type Tagged = { text: string; offset: { start: number } }[];

function candidates(text: string, tagged: Tagged): (Span & { text: string })[] {
  const found = new Map<number, Span & { text: string }>();
  for (const p of tagged) {
    const raw = text.slice(p.offset.start, p.offset.start + p.text.length).replace(/(?:\s*[-–—(]|[\s.,;:])+$/, "");
    // "Ukraine’s delegation": a possessive names whose something is, not where anything happens.
    if (/['’]s$/.test(raw) || /^['’]s\b/.test(text.slice(p.offset.start + raw.length, p.offset.start + raw.length + 3))) continue;
    if (raw && !NOT_A_PLACE.test(raw)) found.set(p.offset.start, { start: p.offset.start, end: p.offset.start + raw.length, text: raw });
  }
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const name = m[1]!.replace(/[.,]+$/, "").replace(/['’]s$/, "");
    const start = m.index + m[0].length - m[1]!.length;
    if (!NOT_A_PLACE.test(name) && !found.has(start)) found.set(start, { start, end: start + name.length, text: name });
  }
  return [...found.values()];
}

/** A place's name that holds all the words of the phrase ("Kremlin" in "Moscow Kremlin"), the exact name first. */
function best(phrase: string, places: PlaceCandidate[]): PlaceCandidate | null {
  const want = words(phrase);
  const fitting = places.filter((p) => want.every((w) => words(p.name).includes(w)));
  return fitting.find((p) => words(p.name).join(" ") === want.join(" ")) ?? (fitting.length === 1 ? fitting[0]! : null);
}

export async function findPlaces(text: string, lookup: GraphLookup, isPersonName: (span: Span) => boolean): Promise<PlaceMention[]> {
  // One parse: compromise's tagging is the costly part of extraction.
  const taggedPlaces = nlp(text).places().json({ offset: true }) as Tagged;
  const spans = candidates(text, taggedPlaces).filter((c) => !isPersonName(c));
  const found = await lookup.places(spans.map((s) => s.text));
  const mentions: PlaceMention[] = [];
  const tagged = new Set(taggedPlaces.map((p) => p.offset.start));
  for (const span of spans) {
    const match = best(span.text, found.get(span.text) ?? []);
    if (match) {
      const exact = words(match.name).join(" ") === words(span.text).join(" ");
      mentions.push({
        ...span,
        place: { key: `place:${match.id}`, id: match.id, existing: match, name: match.name, kind: match.kind },
        confidence: exact ? 0.9 : 0.75,
        reason: `${exact ? "name" : "part of the name"} "${span.text}" matches the graph's place ${match.id}`,
      });
    } else if (tagged.has(span.start) && words(span.text).length > 0) {
      const id = slug(span.text);
      mentions.push({
        ...span,
        place: { key: `place:${id}`, id, existing: null, name: span.text, kind: "city" },
        confidence: 0.5,
        reason: `compromise tags "${span.text}" as a place; the graph has none by that name`,
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
