/**
 * Realistic parameters, picked from the loaded graph by Cypher rather than hard-coded, so that
 * every size gets comparable work: people at the same degree percentiles,
 * a middling country over one middle year, a pair exactly three hops apart, a name that hits.
 */
import type { Neo4jExecutor } from "../src/db/executor.js";

export interface BenchParams {
  /** Scenario 1: a well-connected but not extreme person (95th percentile of meetings attended). */
  person: { id: string; name: string; meetings: number; degreePercentile: number };
  /**
   * Scenarios 2 and 4: a busy person (99.9th percentile) and the one they met most. Percentiles,
   * not ranks, so that the pair's meetings stay comparable from one graph size to the next.
   */
  pair: [string, string];
  pairSharedMeetings: number;
  pairMeetings: [number, number];
  /** Scenario 3. */
  filter: { countryId: string; from: string; to: string; minDurationMinutes: number; countryMeetings: number };
  /** Scenario 5: `hops` is 3 unless the graph is too small to have such a pair (quick mode), then the longest found. */
  path: { from: string; to: string; hops: number };
  /** Scenario 6: the scenario-1 person's name, as a user would type it. */
  searchTerm: string;
  /**
   * The web app's pages (pages.ts): scenario 1's person (at the busiest person of the pair, the
   * person page ranks every counterpart of thousands of meetings, and a loaded machine answered
   * almost nothing at the highest concurrency), their name as the search, and
   * a meeting whose sources disagree on its duration (a conflict), with the most statements and
   * participants among those. Absent in results from before the pages were measured.
   */
  page: { personId: string; personName: string; meetingId: string; meetingParticipants: number; meetingStatements: number };
}

const PERCENTILE = 0.95;
const PAIR_PERCENTILE = 0.999;

const DEGREES = `
MATCH (p:Person) WHERE p.id STARTS WITH 'syn-person-'
RETURN p.id AS id, p.name AS name, COUNT { (p)-[:ATTENDED]->() } AS meetings`;

const TOP_COUNTERPART = `
MATCH (:Person {id: $id})-[:ATTENDED]->(:Meeting)<-[:ATTENDED]-(b:Person)
RETURN b.id AS id, count(*) AS shared
ORDER BY shared DESC, id
LIMIT 1`;

const MEETINGS_BY_COUNTRY = `
MATCH (c:Country)<-[:WITHIN*1..]-(:Place)<-[:HELD_AT]-(m:Meeting) WHERE m.id STARTS WITH 'syn-meeting-'
RETURN c.id AS id, count(m) AS meetings
ORDER BY meetings DESC, id`;

/** A meeting with more than one duration claim, the most statements and participants first. */
const CONFLICTED_MEETING = `
MATCH (m:Meeting)-[:HAS_DURATION]->(:DurationClaim) WHERE m.id STARTS WITH 'syn-meeting-'
WITH m, count(*) AS durations WHERE durations > 1
WITH m, COUNT { (m)<-[:IN_CONTEXT_OF]-(:Statement) } AS statements, COUNT { (m)<-[:ATTENDED]-() } AS participants
RETURN m.id AS id, statements, participants
ORDER BY statements DESC, participants DESC, id
LIMIT 1`;

const YEARS = `MATCH (m:Meeting) WHERE m.id STARTS WITH 'syn-meeting-' RETURN min(m.dateStart).year AS first, max(m.dateStart).year AS last`;

const DISTANCES = `
MATCH (a:Person {id: $from})
UNWIND $candidates AS id
MATCH (b:Person {id: id})
MATCH path = shortestPath((a)-[:ATTENDED*..8]-(b))
RETURN id, length(path) / 2 AS hops`;

export async function pickParams(db: Neo4jExecutor): Promise<BenchParams> {
  const people = await db.read<{ id: string; name: string; meetings: number }>("bench.degrees", DEGREES);
  const byDegree = people.filter((p) => p.meetings > 0).sort((x, y) => y.meetings - x.meetings || x.id.localeCompare(y.id));
  if (byDegree.length < 10) throw new Error(`The graph has only ${byDegree.length} people who attended a meeting; load a larger one.`);
  const atPercentile = (q: number) => byDegree[Math.floor(byDegree.length * (1 - q))]!;
  const person = atPercentile(PERCENTILE);
  const busy = atPercentile(PAIR_PERCENTILE);
  const [counterpart] = await db.read<{ id: string; shared: number }>("bench.pair", TOP_COUNTERPART, { id: busy.id });

  // The median country by meetings held there, over the middle year of the data.
  const countries = await db.read<{ id: string; meetings: number }>("bench.countries", MEETINGS_BY_COUNTRY);
  const country = countries[Math.floor(countries.length / 2)]!;
  const [years] = await db.read<{ first: number; last: number }>("bench.years", YEARS);
  const year = Math.floor((years!.first + years!.last) / 2);

  const [meeting] = await db.read<{ id: string; statements: number; participants: number }>("bench.meeting", CONFLICTED_MEETING);
  if (!meeting) throw new Error("The graph has no meeting with two duration claims; load a larger one.");

  return {
    person: { id: person.id, name: person.name, meetings: person.meetings, degreePercentile: PERCENTILE * 100 },
    pair: [busy.id, counterpart!.id],
    pairSharedMeetings: counterpart!.shared,
    pairMeetings: [busy.meetings, byDegree.find((p) => p.id === counterpart!.id)!.meetings],
    filter: { countryId: country.id, from: `${year}-01-01`, to: `${year}-12-31`, minDurationMinutes: 120, countryMeetings: country.meetings },
    path: await threeHopPair(db, byDegree),
    searchTerm: person.name,
    page: {
      personId: person.id,
      personName: person.name,
      meetingId: meeting.id,
      meetingParticipants: meeting.participants,
      meetingStatements: meeting.statements,
    },
  };
}

/**
 * The least connected people are the likeliest to be far apart (everyone else shares a meeting
 * with a hub), so candidates come from the tail; the first pair exactly three hops apart wins.
 */
async function threeHopPair(db: Neo4jExecutor, byDegree: { id: string }[]) {
  const tail = byDegree
    .slice(-200)
    .reverse()
    .map((p) => p.id);
  let farthest = { from: tail[0]!, to: tail[1]!, hops: 0 };
  for (const from of tail.slice(0, 10)) {
    const rows = await db.read<{ id: string; hops: number }>("bench.distances", DISTANCES, { from, candidates: tail.filter((id) => id !== from) });
    const three = rows.find((r) => r.hops === 3);
    if (three) return { from, to: three.id, hops: 3 };
    for (const r of rows) if (r.hops > farthest.hops && r.hops <= 4) farthest = { from, to: r.id, hops: r.hops };
  }
  return farthest;
}
