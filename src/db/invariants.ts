/**
 * The rules the stored graph keeps whoever wrote it (the seed loader, the synthetic generator,
 * the curation API), as read-only Cypher: `npm run db:check` runs them (src/db/check.ts), and
 * docs/graph-model.md ("Invariants") explains them.
 *
 * Each query scans one label (or relationship type) once and yields, per node, a list of
 * `problems` (`CASE WHEN <broken> THEN '<what>' END`, so the rules that hold leave a
 * null); `invariantQuery` keeps the rows with a problem, counts them and keeps a sample. No
 * per-node round trips: the cost is one pass whatever the size of the graph.
 */
import { CLAIM_RANKS, EVIDENCE_BASES, FACTS_MD_PREFIX, HEDGES } from "../model/evidence.js";
import { PROPOSAL_STATUSES } from "../model/proposal.js";
import type { Neo4jExecutor } from "./executor.js";

export interface Invariant {
  name: string;
  rule: string;
  /** Why the rule matters: what breaks for a reader when it does not hold. */
  why: string;
  /** What to do about a violation. */
  fix: string;
  /** The variable each row is about: a node, or a relationship. */
  subject: string;
  /** How the report names a subject that breaks the rule; read only for those, as reading ids costs on a clean graph too. */
  id: string;
  /** Cypher ending in `WITH <subject>, [<problem or null>, ...] AS problems`. */
  perNode: string;
}

/** A node's id for the report; a node without one is named by its element id. */
const idOf = (n: string) => `coalesce(${n}.id, 'node ' + elementId(${n}))`;

/** A non-empty string property (a number or a list is as wrong as a missing value). */
const nonEmptyString = (value: string) => `CASE WHEN ${value} IS :: STRING NOT NULL THEN trim(${value}) <> '' ELSE false END`;

/** Equal, where both being null counts as equal (Cypher's `null = null` is null). */
const same = (a: string, b: string) => `((${a} IS NULL AND ${b} IS NULL) OR coalesce(${a} = ${b}, false))`;

const problem = (broken: string, what: string) => `CASE WHEN ${broken} THEN ${what} END`;

/** Cypher's string join of a list of strings: `a; b; c`. */
const joined = (list: string, separator = "; ") => `reduce(text = '', part IN ${list} | text + CASE WHEN text = '' THEN '' ELSE '${separator}' END + part)`;

/** Wraps an invariant's per-node rows into one row: how many nodes break it and the first `$sample` of them. */
export const invariantQuery = (invariant: Invariant) => `
${invariant.perNode}
WITH ${invariant.subject}, [p IN problems WHERE p IS NOT NULL] AS problems
WHERE size(problems) > 0
RETURN count(*) AS total, collect(${invariant.id} + ': ' + ${joined("problems")})[..$sample] AS sample`;

// The meeting's copy of its preferred duration claim, as src/db/writes.ts and curation/meeting.ts (REFRESH_DURATION) write it.
const DURATION_COPY: [meetingProperty: string, claimValue: string][] = [
  ["m.durationMinutes", "preferred.minutes"],
  ["m.durationMinMinutes", "preferred.minMinutes"],
  ["m.durationMaxMinutes", "preferred.maxMinutes"],
  ["m.durationWording", "preferred.wording"],
  ["coalesce(m.durationApproximate, false)", "coalesce(preferred.approximate, false)"],
  ["m.durationHedge", "preferred.hedge"],
  ["m.durationSourceId", "preferredSourceId"],
];

/** A Cypher list literal of the vocabulary's values (constants, never user input). */
const listOf = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(", ")}]`;

/**
 * How a fact is known, on a node or relationship `x` with `basis`, `note` and an excerpt: a known
 * basis, an inference with its reasoning, a summary marked as one (src/model/evidence.ts).
 */
const evidenceProblems = (x: string, excerpt: string) => [
  problem(`NOT coalesce(${x}.basis IN ${listOf(EVIDENCE_BASES)}, false)`, `'basis ' + coalesce(toString(${x}.basis), 'missing')`),
  problem(`${x}.basis = 'INFERRED' AND NOT ${nonEmptyString(`${x}.note`)}`, "'INFERRED without a note'"),
  problem(
    `${x}.basis = 'CURATOR_SUMMARY' AND NOT coalesce(${excerpt} STARTS WITH '${FACTS_MD_PREFIX}', false)`,
    `'CURATOR_SUMMARY excerpt without the ${FACTS_MD_PREFIX.trim()} prefix'`,
  ),
];

// The duration rule (src/model/duration.ts, durationBounds) in Cypher: integer division halves the granularity in whole
// minutes, whether the writer stored it as an integer or (from JavaScript numbers) as a float.
const FOLLOWS_DURATION_RULE = `CASE c.bound
  WHEN 'AROUND' THEN c.minutes = c.figureMinutes AND c.minMinutes = c.figureMinutes - toInteger(c.granularityMinutes) / 2 AND c.maxMinutes = c.figureMinutes + toInteger(c.granularityMinutes) / 2
  WHEN 'UNDER' THEN c.maxMinutes = c.figureMinutes AND c.minMinutes = c.figureMinutes - toInteger(c.granularityMinutes) / 2 AND c.minutes = round((c.minMinutes + c.maxMinutes) / 2.0)
  WHEN 'OVER' THEN c.minutes = c.figureMinutes AND c.minMinutes = c.figureMinutes AND c.maxMinutes IS NULL
END`;

/** What an accepted proposal can become (src/proposal/steps.ts). */
const PROPOSAL_TARGETS = ["Person", "Place", "Meeting", "Statement", "Claim", "Role"];

export const INVARIANTS: Invariant[] = [
  {
    name: "person-name",
    subject: "p",
    id: idOf("p"),
    rule: "Every Person has a non-empty string `name`.",
    why: "every view of a person (search, counterparts, paths, the web app) shows the name; a person without one is unreadable",
    fix: "set the name through the curation API (updatePerson), or merge the person into the one it duplicates (mergePeople)",
    perNode: `
MATCH (p:Person)
WITH p, [${problem(`NOT ${nonEmptyString("p.name")}`, "'no name'")}] AS problems`,
  },
  {
    name: "redirect-not-person",
    subject: "r",
    id: idOf("r"),
    rule: "A merged id is only a redirect: no Person has the id of a PersonRedirect.",
    why: "person(id) answers the live person first, so a person under a merged id hides the survivor the redirect points to",
    fix: "merge the person with that id into the redirect's survivor (mergePeople), or delete the stale one if it was re-created by mistake",
    perNode: `
MATCH (r:PersonRedirect)
WITH r, [${problem("EXISTS { MATCH (:Person {id: r.id}) }", "'a Person has this merged id'")}] AS problems`,
  },
  {
    name: "redirect-target",
    subject: "r",
    id: idOf("r"),
    rule: "Every PersonRedirect has exactly one MERGED_INTO, to a live Person (never to another redirect), and no other relationships.",
    why: "a redirect answers person(id: old) with its survivor in one hop; none, two, or a chain of redirects gives no answer or the wrong one",
    fix: "point the redirect at the person its id was merged into (the AuditEntry of the mergePeople that created it names both) and delete any other relationship on it",
    perNode: `
MATCH (r:PersonRedirect)
WITH r, COUNT { (r)-[:MERGED_INTO]->() } AS merged, COUNT { (r)-[:MERGED_INTO]->(p:Person) WHERE NOT p:PersonRedirect } AS toLive, COUNT { (r)--() } AS degree
WITH r, [
  ${problem("merged <> 1", "merged + ' MERGED_INTO relationships'")},
  ${problem("merged = 1 AND toLive = 0", "'MERGED_INTO a node that is not a live Person'")},
  ${problem("degree <> merged", "(degree - merged) + ' other relationships'")}
] AS problems`,
  },
  {
    name: "statement-speaker-wordings",
    subject: "s",
    id: idOf("s"),
    rule: "Every Statement has exactly one speaker (one incoming SAID, from a Person), at least one Wording, and its `text` equals one of its wordings' text.",
    why: "\"who said what\" names one speaker, and the canonical text must be a source's words, never a curator's composition",
    fix: "re-attach the statement to its speaker and wordings through the curation API (or the seed files and `npm run seed`); set `text` to one of its wordings",
    perNode: `
MATCH (s:Statement)
WITH s, COUNT { ()-[:SAID]->(s) } AS said, COUNT { (:Person)-[:SAID]->(s) } AS byPerson, [(s)-[:HAS_WORDING]->(w:Wording) | w.text] AS texts
WITH s, [
  ${problem("said <> 1 OR byPerson <> 1", "said + ' SAID relationships (' + byPerson + ' from a Person)'")},
  ${problem("size(texts) = 0", "'no wording'")},
  ${problem("size(texts) > 0 AND NOT coalesce(s.text IN texts, false)", "'text is none of its wordings'")}
] AS problems`,
  },
  {
    name: "wording-owner-source",
    subject: "w",
    id: idOf("w"),
    rule: "Every Wording belongs to exactly one Statement (HAS_WORDING) and is FROM exactly one Source.",
    why: "a wording is one source's rendering of one statement: without its statement it is never shown, without its source nobody can say who reported it",
    fix: "delete the orphaned wording, or re-attach it to its statement and source (its id is `<statementId>#<sourceId>`)",
    perNode: `
MATCH (w:Wording)
WITH w, COUNT { (:Statement)-[:HAS_WORDING]->(w) } AS statements, COUNT { (w)-[:FROM]->(:Source) } AS sources
WITH w, [
  ${problem("statements <> 1", "statements + ' statements'")},
  ${problem("sources <> 1", "sources + ' sources'")}
] AS problems`,
  },
  {
    name: "claim-meeting-source",
    subject: "c",
    id: idOf("c"),
    rule:
      "Every Claim belongs to exactly one Meeting (HAS_CLAIM; HAS_DURATION for a DurationClaim) and is FROM exactly one Source; " +
      "a DurationClaim has minMinutes <= minutes <= maxMinutes where set, and minutes (or maxMinutes) is never 0.",
    why: "a claim is what one source says about one meeting; a duration of 0 would be summed and sorted as a real figure, where unknown must be null",
    fix: "re-attach or delete the claim through the curation API (retractClaim keeps its history); correct the figures, using null for an unknown duration",
    perNode: `
MATCH (c:Claim)
WITH c, COUNT { (:Meeting)-[:HAS_CLAIM]->(c) } AS byClaim, COUNT { (:Meeting)-[:HAS_DURATION]->(c) } AS byDuration, COUNT { (c)-[:FROM]->(:Source) } AS sources
WITH c, byClaim + byDuration AS meetings, CASE WHEN c:DurationClaim THEN byDuration ELSE byClaim END AS rightType, sources
WITH c, [
  ${problem("meetings <> 1", "meetings + ' meetings'")},
  ${problem("meetings = 1 AND rightType <> 1", "'attached by ' + CASE WHEN c:DurationClaim THEN 'HAS_CLAIM instead of HAS_DURATION' ELSE 'HAS_DURATION but not a DurationClaim' END")},
  ${problem("sources <> 1", "sources + ' sources'")},
  ${problem("c:DurationClaim AND (c.minutes = 0 OR c.maxMinutes = 0)", "'a duration of 0 (unknown is null)'")},
  ${problem("c:DurationClaim AND coalesce(c.minMinutes > c.minutes OR c.minutes > c.maxMinutes OR c.minMinutes > c.maxMinutes, false)", "'bounds ' + coalesce(toString(c.minMinutes), '-') + ' <= ' + coalesce(toString(c.minutes), '-') + ' <= ' + coalesce(toString(c.maxMinutes), '-') + ' do not hold'")}
] AS problems`,
  },
  {
    name: "claim-evidence",
    subject: "c",
    id: idOf("c"),
    rule:
      'Every Claim says how it is known: a `basis` of the vocabulary (INFERRED with a `note`, CURATOR_SUMMARY with an excerpt starting "[FACTS.md] "), ' +
      "a `hedge` and a `rank` of the vocabulary, `preferred` true exactly when the rank is PREFERRED, at most one RELAYS, to a Statement; " +
      "a DurationClaim with a `figureMinutes` has the minutes and bounds the duration rule gives, and one without has none.",
    why: "a reader must tell a source's words from a curator's inference or summary, and \"reportedly\" from a plain statement; bounds typed by hand drift from the words they read",
    fix: "correct the claim in seed/data and run `npm run seed`, or re-enter it through the curation API (attachClaims), which computes bounds by the rule; run the migrations on a graph written before them",
    perNode: `
MATCH (c:Claim)
WITH c, COUNT { (c)-[:RELAYS]->() } AS relays, COUNT { (c)-[:RELAYS]->(:Statement) } AS relaysStatements
WITH c, [
  ${evidenceProblems("c", "c.excerpt").join(",\n  ")},
  ${problem(`NOT coalesce(c.hedge IN ${listOf(HEDGES)}, false)`, "'hedge ' + coalesce(toString(c.hedge), 'missing')")},
  ${problem(`NOT coalesce(c.rank IN ${listOf(CLAIM_RANKS)}, false)`, "'rank ' + coalesce(toString(c.rank), 'missing')")},
  ${problem("coalesce(c.preferred, false) <> coalesce(c.rank = 'PREFERRED', false)", "'preferred ' + coalesce(toString(c.preferred), 'null') + ' with rank ' + coalesce(c.rank, 'null')")},
  ${problem("relays > 1 OR relays <> relaysStatements", "relays + ' RELAYS (' + relaysStatements + ' to a Statement)'")},
  ${problem(`c:DurationClaim AND c.figureMinutes IS NOT NULL AND NOT coalesce(${FOLLOWS_DURATION_RULE}, false)`, "'bounds ' + coalesce(toString(c.minMinutes), '-') + '..' + coalesce(toString(c.maxMinutes), '-') + ' do not follow from figure ' + c.figureMinutes + ' ' + coalesce(c.bound, '-') + ' ' + coalesce(toString(c.granularityMinutes), '-')")},
  ${problem("c:DurationClaim AND c.figureMinutes IS NULL AND (c.minutes IS NOT NULL OR c.minMinutes IS NOT NULL OR c.maxMinutes IS NOT NULL)", "'minutes without a figure'")}
] AS problems`,
  },
  {
    name: "wording-evidence",
    subject: "w",
    id: idOf("w"),
    rule: 'Every Wording has a boolean `quoted` and says how it is known: a `basis` of the vocabulary, INFERRED with a `note`, CURATOR_SUMMARY with a text starting "[FACTS.md] ".',
    why: "a quote and a paraphrase read differently, and a wording recorded under a speaker the source does not name is an inference to explain",
    fix: "correct the wording in seed/data and run `npm run seed`; run the migrations on a graph written before them",
    perNode: `
MATCH (w:Wording)
WITH w, [
  ${[...evidenceProblems("w", "w.text"), problem("NOT w.quoted IS :: BOOLEAN NOT NULL", "'quoted ' + coalesce(toString(w.quoted), 'missing')")].join(",\n  ")}
] AS problems`,
  },
  {
    name: "role-holder-source",
    subject: "r",
    id: idOf("r"),
    rule: "Every Role is held by exactly one Person (HOLDS) and has at least one SOURCED_BY source.",
    why: "a role says who held which office according to whom: without its holder it is invisible, without a source it is an unsupported claim",
    fix: "re-attach the role to its holder and source (seed files and `npm run seed`, or the curation API), or delete it",
    perNode: `
MATCH (r:Role)
WITH r, COUNT { (:Person)-[:HOLDS]->(r) } AS holders
WITH r, [
  ${problem("holders <> 1", "holders + ' holders'")},
  ${problem("NOT EXISTS { (r)-[:SOURCED_BY]->(:Source) }", "'no source'")}
] AS problems`,
  },
  {
    name: "edge-provenance",
    subject: "e",
    id: `${idOf("startNode(e)")} + ' -[' + type(e) + ']-> ' + ${idOf("endNode(e)")}`,
    rule:
      "Every ATTENDED and RELATED relationship carries provenance: `sourceIds` non-empty, `excerpts`, `bases` and `notes` of the same length, every sourceId an existing Source; " +
      "no RELATED from a person to themself.",
    why: 'an edge cannot point at a Source node, so its parallel lists are the only answer to "which source says so"',
    fix: "re-save the attendance or relation with its sources through the curation API (or the seed files and `npm run seed`); create the missing Source or correct the id",
    perNode: `
CALL () { MATCH (s:Source) RETURN collect(s.id) AS knownSources }
MATCH ()-[e:ATTENDED|RELATED]->()
WITH e, knownSources, e.sourceIds IS :: LIST<STRING NOT NULL> NOT NULL AND e.excerpts IS :: LIST<ANY> NOT NULL AS listed
WITH e, [
  ${problem("NOT listed", "'sourceIds or excerpts missing or not lists'")},
  ${problem("listed AND size(e.sourceIds) = 0", "'no sourceIds'")},
  ${problem("listed AND size(e.excerpts) <> size(e.sourceIds)", "size(e.sourceIds) + ' sourceIds but ' + size(e.excerpts) + ' excerpts'")},
  ${problem("listed AND (size(coalesce(e.bases, [])) <> size(e.sourceIds) OR size(coalesce(e.notes, [])) <> size(e.sourceIds))", "size(e.sourceIds) + ' sourceIds but ' + size(coalesce(e.bases, [])) + ' bases and ' + size(coalesce(e.notes, [])) + ' notes'")},
  ${problem(`listed AND any(b IN coalesce(e.bases, []) WHERE NOT b IN ${listOf(EVIDENCE_BASES)})`, "'an unknown basis in bases'")},
  ${problem("listed AND any(sourceId IN e.sourceIds WHERE NOT sourceId IN knownSources)", `'unknown sources ' + ${joined("[sourceId IN e.sourceIds WHERE NOT sourceId IN knownSources]", ", ")}`)},
  ${problem("type(e) = 'RELATED' AND startNode(e) = endNode(e)", "'related to themself'")}
] AS problems`,
  },
  {
    name: "meeting-facts",
    subject: "m",
    id: idOf("m"),
    rule:
      "Every Meeting has `date` and `datePrecision`, at most one HELD_AT place, a standing `date` claim, and a standing `place` claim when it has a place; " +
      "when it has standing duration claims exactly one is `preferred`, and its copied duration (`durationMinutes`, `durationMinMinutes`, `durationMaxMinutes`, " +
      "`durationWording`, `durationApproximate`, `durationHedge`, `durationSourceId`) equals that claim's (all null when it has none); " +
      "its consensus copy (`consensusMinMinutes`, `consensusMaxMinutes`, `consensusClaimCount`) is the intersection of its standing claims' bounds; " +
      "`dateEnd` is not before the local day of `endedLatest` (or `beganLatest`).",
    why: "date filters and ordering read `date`; the place and date must be sourced like every fact; filters, sorts and sums read the copied duration, never the claims",
    fix: "add the missing claim (attachClaims), or correct the meeting through updateMeeting, which also re-copies the preferred duration; for a seed meeting, fix seed/data and run `npm run seed`",
    perNode: `
MATCH (m:Meeting)
CALL (m) {
  OPTIONAL MATCH (m)-[:HAS_DURATION]->(d:DurationClaim) WHERE d.retractedAt IS NULL
  WITH collect(d) AS ds
  WITH ds, [x IN ds WHERE x.minutes IS NOT NULL] AS figured
  RETURN size(ds) AS standing, [x IN ds WHERE x.preferred = true] AS preferredClaims, size(figured) AS figuredCount,
         reduce(lo = null, x IN figured | CASE WHEN lo IS NULL OR x.minMinutes > lo THEN x.minMinutes ELSE lo END) AS consensusMin,
         reduce(hi = null, x IN figured | CASE WHEN x.maxMinutes IS NULL THEN hi WHEN hi IS NULL OR x.maxMinutes < hi THEN x.maxMinutes ELSE hi END) AS consensusMax
}
WITH m, standing, figuredCount, consensusMin, consensusMax, size(preferredClaims) AS preferredCount, CASE WHEN size(preferredClaims) = 1 THEN preferredClaims[0] END AS preferred
WITH m, standing, figuredCount, consensusMin, consensusMax, preferredCount, preferred, CASE WHEN preferred IS NULL THEN null ELSE head([(preferred)-[:FROM]->(s:Source) | s.id]) END AS preferredSourceId
WITH m, [
  ${problem("m.date IS NULL OR m.datePrecision IS NULL", "'no date or datePrecision'")},
  ${problem("COUNT { (m)-[:HELD_AT]->() } > 1", "COUNT { (m)-[:HELD_AT]->() } + ' places'")},
  ${problem("NOT EXISTS { (m)-[:HAS_CLAIM]->(c:Claim {field: 'date'}) WHERE c.retractedAt IS NULL }", "'no standing date claim'")},
  ${problem("EXISTS { (m)-[:HELD_AT]->() } AND NOT EXISTS { (m)-[:HAS_CLAIM]->(c:Claim {field: 'place'}) WHERE c.retractedAt IS NULL }", "'a place but no standing place claim'")},
  ${problem("standing > 0 AND preferredCount <> 1", "standing + ' standing duration claims, ' + preferredCount + ' preferred'")},
  ${problem(
    `NOT (${same("m.consensusClaimCount", "CASE WHEN figuredCount = 0 THEN null ELSE figuredCount END")} AND ${same("m.consensusMinMinutes", "consensusMin")} AND ${same("m.consensusMaxMinutes", "consensusMax")})`,
    "'consensus ' + coalesce(toString(m.consensusMinMinutes), '-') + '..' + coalesce(toString(m.consensusMaxMinutes), '-') + ' of ' + coalesce(toString(m.consensusClaimCount), 'null') + ' claims differs from the claims: ' + coalesce(toString(consensusMin), '-') + '..' + coalesce(toString(consensusMax), '-') + ' of ' + figuredCount",
  )},
  ${problem("coalesce(date(left(coalesce(m.endedLatest, m.beganLatest), 10)) > m.dateEnd, false)", "'dateEnd ' + toString(m.dateEnd) + ' before the day it may have ended'")},
  ${problem(`preferredCount <= 1 AND NOT (${DURATION_COPY.map(([copy, claim]) => same(copy, claim)).join(" AND ")})`, "'copied duration ' + coalesce(toString(m.durationMinutes), 'null') + ' differs from its preferred claim ' + coalesce(toString(preferred.minutes), 'null') + ' (' + coalesce(preferred.id, 'none') + ')'")}
] AS problems`,
  },
  {
    name: "no-bare-nodes",
    subject: "n",
    id: idOf("n"),
    rule: "Every Country, Organization, Place and Topic has a `name` and every Source a `title`; every Place has exactly one WITHIN, to a Place or a Country, and its chain ends at a Country.",
    why: 'a MERGE on a dangling reference creates a node with only an id, which then shows as a blank name; a place outside the hierarchy breaks "in which country"',
    fix: "add the missing entry (seed/data and `npm run seed`, or the curation API), or correct the reference that created it",
    perNode: `
MATCH (n:Country|Organization|Place|Topic|Source)
WITH n, CASE WHEN n:Source THEN 'title' ELSE 'name' END AS nameKey
WITH n, [
  ${problem(`NOT ${nonEmptyString("n[nameKey]")}`, "'a ' + head(labels(n)) + ' without ' + nameKey")},
  ${problem("n:Place AND COUNT { (n)-[:WITHIN]->() } <> 1", "COUNT { (n)-[:WITHIN]->() } + ' WITHIN relationships'")},
  ${problem("n:Place AND COUNT { (n)-[:WITHIN]->() } = 1 AND NOT EXISTS { (n)-[:WITHIN]->(x) WHERE x:Place OR x:Country }", "'WITHIN a node that is neither a Place nor a Country'")},
  ${problem("n:Place AND COUNT { (n)-[:WITHIN]->() } = 1 AND NOT EXISTS { (n)-[:WITHIN]->+(:Country) }", "'its WITHIN chain does not reach a Country'")}
] AS problems`,
  },
  {
    name: "proposal-state",
    subject: "p",
    id: idOf("p"),
    rule: "Every Proposal is PROPOSED_FROM exactly one Source holding the article's text, where its excerpt stands at its offsets; an ACCEPTED one names who accepted it, when, and what it became (a node the graph holds); a REJECTED one who rejected it and when; a PENDING one no decision.",
    why: "the review page highlights each proposal's excerpt at its offsets, and a decision is trusted because it says who made it and what it wrote",
    fix: "ingest the article again into its source (ingestArticle with sourceId) to restore its text; for a decision without its record, look up the acceptProposals or rejectProposals AuditEntry naming the proposal",
    perNode: `
MATCH (p:Proposal)
WITH p, COUNT { (p)-[:PROPOSED_FROM]->(:Source) } AS sources, [(p)-[:PROPOSED_FROM]->(s:Source) | s.text][0] AS text
WITH p, sources, text, ${PROPOSAL_TARGETS.map((label) => `EXISTS { MATCH (:${label} {id: p.became}) }`).join(" OR ")} AS becameFound
WITH p, [
  ${problem("sources <> 1", "sources + ' PROPOSED_FROM relationships to a Source'")},
  ${problem("sources = 1 AND text IS NULL", "'its source holds no text'")},
  ${problem("text IS NOT NULL AND substring(text, p.start, p.end - p.start) <> p.excerpt", "'its excerpt is not at ' + p.start + '..' + p.end + ' of its source text'")},
  ${problem(`NOT coalesce(p.status IN [${PROPOSAL_STATUSES.map((x) => `'${x}'`).join(", ")}], false)`, "'status ' + coalesce(toString(p.status), 'null')")},
  ${problem("p.status IN ['ACCEPTED', 'REJECTED'] AND (p.decidedBy IS NULL OR p.decidedAt IS NULL)", "p.status + ' without decidedBy and decidedAt'")},
  ${problem("p.status = 'ACCEPTED' AND NOT coalesce(becameFound, false)", "'ACCEPTED, but what it became (' + coalesce(p.became, 'nothing') + ') is not in the graph'")},
  ${problem("p.status = 'PENDING' AND (p.decidedBy IS NOT NULL OR p.became IS NOT NULL)", "'PENDING with a decision recorded'")}
] AS problems`,
  },
];

/** How many subjects break `invariant`, and the first `sample` of them with what is wrong. */
export async function checkInvariant(db: Neo4jExecutor, invariant: Invariant, sample: number): Promise<{ total: number; sample: string[] }> {
  const [row] = await db.read<{ total: number; sample: string[] }>(`db.check.${invariant.name}`, invariantQuery(invariant), { sample });
  return { total: row?.total ?? 0, sample: row?.sample ?? [] };
}

/** Every invariant the graph breaks, each with a sample of what breaks it: empty when the graph is whole. */
export async function findViolations(db: Neo4jExecutor, sample = 10): Promise<{ invariant: string; total: number; sample: string[] }[]> {
  const outcomes = await Promise.all(INVARIANTS.map(async (invariant) => ({ invariant: invariant.name, ...(await checkInvariant(db, invariant, sample)) })));
  return outcomes.filter((o) => o.total > 0);
}
