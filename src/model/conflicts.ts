/**
 * Where the sources truly disagree. A conflict is a field of a meeting on which standing claims
 * give different values; it is compatible when one reality could satisfy them all. Only fields
 * with a single true value are compared: every other field is a facet (several remarks on
 * `timing`, `outcome`, `agenda` are different facts, not rival ones).
 *
 * Pure functions over what the read side loads (claims, place ancestries, earlier meetings), so the
 * rules are specified by fast unit tests (tests/model-conflicts.test.ts).
 */
import { daysOf } from "../graphql/scalars.js";
import { durationConsensus, type DurationConsensus } from "./duration.js";

/** What the rules read of a claim. */
export interface ConflictClaim {
  field: string;
  value: string;
  /** Set for duration claims: what the figure allows (`maxMinutes` null: unbounded; `minutes` null: no figure). */
  duration: { minutes: number | null; minMinutes: number | null; maxMinutes: number | null } | null;
}

/** A place and the places it lies within, innermost first: [Kremlin, Moscow]. */
export type PlaceChain = { id: string; name: string }[];

/** A meeting held before the one a `record` claim is about, by at least two of its participants together. */
export interface EarlierMeeting<C> {
  date: string;
  title: string;
  durationClaims: C[];
}

/** What the rules need beyond a meeting's own claims. */
export interface ConflictContext<C> {
  /** The chain of every place a `place` claim names, by place id. */
  places: ReadonlyMap<string, PlaceChain>;
  /** For a `record` claim: the earlier meetings of the same people. */
  earlierMeetings: readonly EarlierMeeting<C>[];
}

export interface Conflict<C> {
  field: string;
  claims: C[];
  compatible: boolean;
  explanation: string;
}

/** The value of a `record` claim that the meeting was the longest of its participants' meetings so far. */
export const LONGEST_TO_DATE = "longest-to-date";

interface Verdict {
  compatible: boolean;
  explanation: string;
}

/** A rule decides whether the distinct values of a field could all be true. */
type ValueRule = <C extends ConflictClaim>(claims: C[], values: string[], context: ConflictContext<C>) => Verdict;

const listed = (items: string[]) => (items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

const dateRule: ValueRule = (_claims, values) => {
  const periods = values.map((value) => ({ value, ...daysOf(value) }));
  const start = periods.map((p) => p.start).reduce((a, b) => (a > b ? a : b));
  const end = periods.map((p) => p.end).reduce((a, b) => (a < b ? a : b));
  if (start > end) return { compatible: false, explanation: `The dates ${listed(values)} do not overlap: they cannot all be right.` };
  // Widest first, so each narrower date reads as lying within a wider one.
  const byWidth = [...periods].sort((a, b) => (a.start === b.start ? (a.end < b.end ? 1 : -1) : a.start < b.start ? -1 : 1));
  const widest = byWidth[0]!;
  const nested = byWidth.slice(1).map((p) => p.value);
  return nested.every((value) => daysOf(value).start >= widest.start && daysOf(value).end <= widest.end)
    ? { compatible: true, explanation: `The dates differ only in precision: ${listed(nested)} ${nested.length > 1 ? "lie" : "lies"} within ${widest.value}.` }
    : { compatible: true, explanation: `The dates ${listed(values)} overlap from ${start} to ${end}.` };
};

const placeRule: ValueRule = (_claims, values, { places }) => {
  const chains = values.map((id) => places.get(id) ?? [{ id, name: id }]);
  // The most precise place first: every other place must be one it lies within.
  const [innermost, ...others] = [...chains].sort((a, b) => b.length - a.length);
  const outside = others.filter((chain) => !innermost!.some((p) => p.id === chain[0]!.id));
  const name = (chain: PlaceChain) => chain[0]!.name;
  if (outside.length > 0) {
    return { compatible: false, explanation: `${name(innermost!)} does not lie within ${listed(outside.map(name))}: the places cannot all be right.` };
  }
  return { compatible: true, explanation: `${name(innermost!)} lies within ${listed(others.map(name))}.` };
};

const minutesText = (minutes: number) => `${minutes} minute${minutes === 1 ? "" : "s"}`;

/** "270 to 300 minutes", "at least 300 minutes". */
const rangeText = ({ minMinutes, maxMinutes }: DurationConsensus) =>
  maxMinutes === null
    ? `at least ${minutesText(minMinutes)}`
    : minMinutes === maxMinutes
      ? `exactly ${minutesText(minMinutes)}`
      : `${minMinutes} to ${minutesText(maxMinutes)}`;

const durationRule: ValueRule = (claims) => {
  const consensus = durationConsensus(claims.flatMap((c) => (c.duration ? [c.duration] : [])))!;
  return consensus.compatible
    ? { compatible: true, explanation: `The figures are rounded differently but all allow ${rangeText(consensus)}.` }
    : {
        compatible: false,
        explanation: `No single duration fits every figure: one needs at least ${minutesText(consensus.minMinutes)}, another at most ${minutesText(consensus.maxMinutes!)}.`,
      };
};

const waitRule: ValueRule = (_claims, values) => ({
  compatible: false,
  explanation: `The sources give different waits, which cannot all be true: ${listed(values.map((v) => (v === "0" ? "no wait" : minutesText(Number(v)))))}.`,
});

const visitNumberRule: ValueRule = (_claims, values) => ({
  compatible: false,
  explanation: `The sources count this visit differently, which cannot all be true: ${listed(values.map((v) => `number ${v}`))}.`,
});

/** The fields with one true value, and how their differing values are judged. */
const VALUE_RULES: Record<string, ValueRule> = { date: dateRule, place: placeRule, duration: durationRule, wait: waitRule, "visit-number": visitNumberRule };

/** Every field a conflict can be about; any other field is a facet. */
export const CONFLICT_FIELDS = [...Object.keys(VALUE_RULES), "record"];

/** Duration claims take part by their figure: a claim without one says nothing the others could contradict. */
const comparable = (claim: ConflictClaim) => claim.field !== "duration" || claim.duration?.minutes != null;

const consensusOf = (claims: readonly ConflictClaim[]) => durationConsensus(claims.flatMap((c) => (c.field === "duration" && c.duration ? [c.duration] : [])));

/**
 * A `longest-to-date` record against the earlier meetings of the same people: a conflict when an
 * earlier meeting's duration claim could be as long as this meeting was at least; compatible when
 * this meeting could still have lasted longer than each such meeting did at least.
 */
function recordConflict<C extends ConflictClaim>(record: C[], claims: C[], { earlierMeetings }: ConflictContext<C>): Conflict<C> | null {
  const own = consensusOf(claims);
  if (own === null) return null;
  const rivals = earlierMeetings.flatMap((meeting) => {
    const asLong = meeting.durationClaims.filter((c) => comparable(c) && (c.duration!.maxMinutes === null || c.duration!.maxMinutes >= own.minMinutes));
    const consensus = consensusOf(meeting.durationClaims);
    return asLong.length > 0 && consensus ? [{ meeting, asLong, consensus }] : [];
  });
  if (rivals.length === 0) return null;
  const beaten = rivals.filter(({ consensus }) => own.maxMinutes !== null && own.maxMinutes <= consensus.minMinutes);
  const names = (list: typeof rivals) => listed(list.map(({ meeting }) => `the meeting of ${meeting.date}`));
  const leasts = (list: typeof rivals) => listed(list.map(({ consensus }) => minutesText(consensus.minMinutes)));
  const couldMatch = `A source allows ${names(rivals)} to have lasted as long as this one (${minutesText(own.minMinutes)} or more)`;
  const upTo = own.maxMinutes === null ? "longer, as no source bounds it" : `up to ${minutesText(own.maxMinutes)}`;
  return {
    field: "record",
    claims: [...record, ...rivals.flatMap(({ asLong }) => asLong)],
    compatible: beaten.length === 0,
    explanation:
      beaten.length === 0
        ? `${couldMatch}, yet this one may still have been the longest: it may have lasted ${upTo}, while ${names(rivals)} may have lasted only ${leasts(rivals)}.`
        : `${couldMatch}, and this one cannot have been the longest: it lasted at most ${minutesText(own.maxMinutes!)}, while ${names(beaten)} lasted at least ${leasts(beaten)}.`,
  };
}

/** The conflicts among one meeting's standing claims, in the order their fields first appear. */
export function conflictsOf<C extends ConflictClaim>(claims: C[], context: ConflictContext<C>): Conflict<C>[] {
  const byField = new Map<string, C[]>();
  for (const claim of claims.filter(comparable)) byField.set(claim.field, [...(byField.get(claim.field) ?? []), claim]);
  return [...byField].flatMap(([field, fieldClaims]): Conflict<C>[] => {
    if (field === "record") {
      const record = fieldClaims.filter((c) => c.value === LONGEST_TO_DATE);
      const conflict = record.length > 0 ? recordConflict(record, claims, context) : null;
      return conflict ? [conflict] : [];
    }
    const rule = VALUE_RULES[field];
    const values = [...new Set(fieldClaims.map((c) => c.value))];
    if (!Object.hasOwn(VALUE_RULES, field) || !rule || values.length < 2) return [];
    const { compatible, explanation } = rule(fieldClaims, values, context);
    return [{ field, claims: fieldClaims, compatible, explanation: explanation.charAt(0).toUpperCase() + explanation.slice(1) }];
  });
}
