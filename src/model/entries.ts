/**
 * The graph's entries as the seed files and the curation API give them: a zod schema for each
 * kind (strict keys, bounded texts, slugs, real calendar dates, ISO date-times with offsets) and
 * the types the rest of the code relies on. Rules across entries (references, unique ids) are the
 * seed validator's (src/seed/validate.ts) and the curation API's.
 */
import { z } from "zod";
import { isValidIsoDate, isValidIsoDateTime, MIN_YEAR } from "./dates.js";
import { durationBoundSchema } from "./duration.js";
import { claimRankSchema, evidenceBasisSchema, hedgeSchema } from "./evidence.js";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_URL_LENGTH } from "./lengths.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// `params.code` is what the curation API reports for these (src/curation/userErrors.ts).
const isoDate = z.string().refine(isValidIsoDate, {
  params: { code: "INVALID_DATE" },
  error: (issue) => `invalid date ${JSON.stringify(issue.input)} (expected a real calendar date from the year ${MIN_YEAR} on, as YYYY, YYYY-MM or YYYY-MM-DD)`,
});
const isoDateTime = z.string().refine(isValidIsoDateTime, {
  params: { code: "INVALID_DATE" },
  error: (issue) =>
    `invalid date-time ${JSON.stringify(issue.input)} (expected ISO 8601 with an offset from the year ${MIN_YEAR} on, e.g. 2025-03-14T01:30:00+03:00)`,
});
const datePrecision = z.enum(["DAY", "MONTH", "YEAR"]);
const atMost = (max: number) => ({ error: `must be at most ${max} characters` });
// The length is checked first, so a huge value is not run through the pattern.
const slug = z.string().max(MAX_ID_LENGTH, atMost(MAX_ID_LENGTH)).regex(SLUG, { error: 'must be a lowercase slug like "steve-witkoff"' });
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code like "RU"' });
const boundedText = (max: number) => z.string().trim().min(1, { error: "must not be empty" }).max(max, atMost(max));
/** A name, title, kind, alias, wording or claim value. */
const name = boundedText(MAX_NAME_LENGTH);
/** An excerpt, statement text, outcome, description or note. */
const text = boundedText(MAX_TEXT_LENGTH);

/** How a fact is known (src/model/evidence.ts): STATED unless marked, with the reasoning of an inference. */
const evidence = {
  basis: evidenceBasisSchema.default("STATED"),
  note: text.nullable().default(null),
};

export const sourceRefSchema = z.strictObject({
  sourceId: slug,
  /** The source's own words: verbatim from the article, or the phrase FACTS.md quotes; FACTS.md's own summary is prefixed "[FACTS.md] ". */
  excerpt: text,
  ...evidence,
});

export const countrySchema = z.strictObject({
  id: countryCode,
  name,
});

export const organizationSchema = z.strictObject({
  id: slug,
  name,
  kind: name,
  aliases: z.array(name),
  countryId: countryCode.nullable(),
});

export const placeSchema = z.strictObject({
  id: slug,
  name,
  kind: z.enum(["building", "city", "region"]),
  withinPlaceId: slug.nullable(),
  countryId: countryCode.nullable(),
});

export const topicSchema = z.strictObject({
  id: slug,
  name,
  description: text,
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: name,
  publisher: name.nullable(),
  publishedOn: isoDate.nullable(),
  datePrecision: datePrecision.nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(MAX_URL_LENGTH, atMost(MAX_URL_LENGTH))
    .nullable(),
  kind: z.enum(["article", "broadcast", "social-post", "news-agency-report", "curator-summary"]),
  file: name.nullable(),
  note: text.nullable(),
  /** The organization behind `publisher`, when it is known which one. */
  publishedById: slug.nullable().default(null),
});

export const roleSchema = z.strictObject({
  id: slug,
  title: name,
  organizationId: slug.nullable(),
  countryId: countryCode.nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  sources: z.array(sourceRefSchema).min(1, { error: "a role needs at least one source" }),
});

export const relationSchema = z.strictObject({
  kind: slug,
  toPersonId: slug,
  sources: z.array(sourceRefSchema).min(1, { error: "a relation needs at least one source" }),
});

export const personSchema = z.strictObject({
  id: slug,
  name,
  aliases: z.array(name),
  countryIds: z.array(countryCode),
  roles: z.array(roleSchema),
  relations: z.array(relationSchema),
});

export const participantSchema = z.strictObject({
  personId: slug,
  role: name.nullable(),
  delegationCountryId: countryCode.nullable(),
  sources: z.array(sourceRefSchema).min(1, { error: "an attendance needs at least one source" }),
});

export const minutesValue = z.number().int({ error: "must be a whole number of minutes" }).nonnegative();

/** What every claim carries besides its value: how it is known, how the source hedges it, how it ranks, whose account it relays. */
const claimEvidence = {
  ...evidence,
  hedge: hedgeSchema.default("NONE"),
  rank: claimRankSchema.default("NORMAL"),
  rankReason: text.nullable().default(null),
  /** The statement whose account the source relays (Witkoff's on CBS): its speaker is the claimant. */
  relaysStatementId: slug.nullable().default(null),
};

/** A duration claim states a figure; its minutes and bounds follow by the rule of src/model/duration.ts. */
export const durationClaimSchema = z.strictObject({
  sourceId: slug,
  excerpt: text,
  /** The source's words for the duration, e.g. "just under three hours". */
  wording: name,
  /** The number the words state (300 for "five hours"); null when they state none. */
  figureMinutes: minutesValue.nullable(),
  /** What the figure is rounded to: 60 whole hours, 30 half hours, 1 exact minutes. */
  granularityMinutes: z.number().int({ error: "must be a whole number of minutes" }).positive().nullable(),
  bound: durationBoundSchema.nullable(),
  ...claimEvidence,
});

export const claimSchema = z.strictObject({
  field: slug,
  value: name,
  wording: name.nullable(),
  sourceId: slug,
  excerpt: text,
  ...claimEvidence,
});

/** When a meeting began or ended, as closely as a source allows: either end of the window may be open. */
export const timeEstimateSchema = z.strictObject({
  earliest: isoDateTime.nullable(),
  latest: isoDateTime.nullable(),
  /** The source's words for the time ("in the early hours of Wednesday"). */
  wording: name.nullable(),
  sourceId: slug,
  basis: evidenceBasisSchema,
  note: text.nullable(),
});

export const meetingSchema = z.strictObject({
  id: slug,
  kind: z.enum(["talks", "ministerial", "briefing"]),
  title: name,
  date: isoDate,
  datePrecision,
  /** Only for times known exactly; an estimate is `began`/`ended`. */
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  began: timeEstimateSchema.nullable().default(null),
  ended: timeEstimateSchema.nullable().default(null),
  placeId: slug.nullable(),
  outcome: text.nullable(),
  topicIds: z.array(slug),
  organizationIds: z.array(slug),
  participants: z.array(participantSchema),
  durations: z.array(durationClaimSchema),
  claims: z.array(claimSchema).min(1, { error: "a meeting needs at least one sourced claim (its date and place)" }),
});

export const wordingSchema = z.strictObject({
  sourceId: slug,
  text,
  /** A direct quote, or the source's paraphrase; null: as the statement's `quoted`. */
  quoted: z.boolean().nullable().default(null),
  /** The speaker as this source names them ("the Kremlin"). */
  attributedTo: name.nullable().default(null),
  ...evidence,
});

export const statementSchema = z.strictObject({
  id: slug,
  speakerId: slug,
  saidOn: isoDate.nullable(),
  datePrecision: datePrecision.nullable(),
  meetingId: slug.nullable(),
  placeId: slug.nullable(),
  occasion: name.nullable(),
  /** Direct quote (true) or paraphrase (false). */
  quoted: z.boolean(),
  /** The canonical wording. */
  text,
  topicIds: z.array(slug),
  wordings: z.array(wordingSchema).min(1, { error: "a statement needs at least one wording (a source for it)" }),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SeedCountry = z.infer<typeof countrySchema>;
export type SeedOrganization = z.infer<typeof organizationSchema>;
export type SeedPlace = z.infer<typeof placeSchema>;
export type SeedTopic = z.infer<typeof topicSchema>;
export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedRole = z.infer<typeof roleSchema>;
export type SeedRelation = z.infer<typeof relationSchema>;
export type SeedPerson = z.infer<typeof personSchema>;
export type SeedParticipant = z.infer<typeof participantSchema>;
export type SeedDurationClaim = z.infer<typeof durationClaimSchema>;
export type SeedClaim = z.infer<typeof claimSchema>;
export type SeedMeeting = z.infer<typeof meetingSchema>;
export type SeedWording = z.infer<typeof wordingSchema>;
export type SeedStatement = z.infer<typeof statementSchema>;
