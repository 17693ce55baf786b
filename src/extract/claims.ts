/** Other claims on a meeting the text states: a wait, a visit number, the outcome. */
import type { Hedge } from "../model/evidence.js";
import type { Span } from "./text.js";

export interface FoundClaim extends Span {
  field: "wait" | "visit-number" | "outcome";
  value: string;
  wording: string;
  hedge: Hedge;
  reason: string;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const VISIT = new RegExp(`\\b(${Object.keys(ORDINALS).join("|")})\\s+(?:visit|trip)\\b[^.;]{0,40}`, "gi");
const OUTCOME =
  /\b(?:without (?:securing |reaching |making )?(?:a |any )?(?:decisive step|breakthrough|agreement|deal)|(?:yielded|produced|brought) no (?:breakthrough|agreement|deal)|no breakthrough|ended in (?:an? )?(?:agreement|deal|deadlock|stalemate))\b/gi;
const HEDGES: [RegExp, Hedge][] = [
  [/\breportedly\b/i, "REPORTED"],
  [/\brumou?red\b/i, "RUMORED"],
  [/\ballegedly\b/i, "ALLEGED"],
];

const hedgeOf = (sentence: string): Hedge => HEDGES.find(([re]) => re.test(sentence))?.[1] ?? "NONE";

/** The claims of a sentence; `waits` are the durations that `isWait` set apart, with their minutes. */
export function findClaims(sentence: string, offset: number, waits: { start: number; end: number; minutes: number | null; wording: string }[]): FoundClaim[] {
  const claims: FoundClaim[] = [];
  for (const w of waits) {
    const from = sentence.slice(0, w.start - offset).search(/\b(?:\w+ly\s+)?(?:kept|made|left)\b[^.;]*$|\bwait/i);
    const start = offset + Math.max(0, from);
    claims.push({
      start,
      end: w.end,
      field: "wait",
      value: String(w.minutes ?? ""),
      wording: sentence.slice(start - offset, w.end - offset),
      hedge: hedgeOf(sentence),
      reason: `a wait of "${w.wording}"`,
    });
  }
  for (const m of sentence.matchAll(VISIT)) {
    claims.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      field: "visit-number",
      value: String(ORDINALS[m[1]!.toLowerCase()]),
      wording: m[0],
      hedge: hedgeOf(sentence),
      reason: `ordinal visit "${m[1]} visit"`,
    });
  }
  for (const m of sentence.matchAll(OUTCOME)) {
    const agreed = /ended in (?:an? )?(agreement|deal)/i.test(m[0]);
    claims.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      field: "outcome",
      value: agreed ? "Agreement" : "No breakthrough",
      wording: m[0],
      hedge: hedgeOf(sentence),
      reason: `outcome phrase "${m[0]}"`,
    });
  }
  return claims;
}
