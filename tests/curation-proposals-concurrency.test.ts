/**
 * Curators deciding overlapping proposals at once (issue 20): randomized, seeded rounds of accepts
 * (of groups with or without their dependencies), rejections and merges of the people proposals
 * refer to. Afterwards every acknowledged accept is in the graph, a refused call left nothing (not
 * even its audit entry), no proposal was decided by a call that was refused, and the graph's
 * invariants hold.
 *
 * The seed is printed; CONCURRENCY_SEED=<n> replays a run, CONCURRENCY_ROUNDS and
 * CONCURRENCY_WIDTH make it longer or wider.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { findViolations } from "../src/db/invariants.js";
import { random } from "./support/random.js";
import { useApi, type GraphQLResponse } from "./support/api.js";
import { testId } from "./support/curation.js";
import { cleanUpArticlesAfterAll, ERRORS, storeMeetingArticle } from "./support/proposals.js";

const KEY = "proposal-racer-key";
const api = useApi({
  API_KEYS: [parseApiKey(`racer:write:${createHash("sha256").update(KEY).digest("hex")}`)],
  NODE_ENV: "production",
});
cleanUpArticlesAfterAll(api);

const SEED = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 1_000_000);
const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 8);
const WIDTH = Number(process.env.CONCURRENCY_WIDTH ?? 12);

const MUTATIONS = {
  acceptProposals: `mutation($ids: [ID!]!, $edits: [ProposalEdit!]) { acceptProposals(ids: $ids, edits: $edits) { proposals { id status } ${ERRORS} } }`,
  rejectProposals: `mutation($ids: [ID!]!, $reason: String) { rejectProposals(ids: $ids, reason: $reason) { proposals { id status } ${ERRORS} } }`,
  mergePeople: `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { person { id } ${ERRORS} } }`,
} as const;
type Mutation = keyof typeof MUTATIONS;

interface Call {
  mutation: Mutation;
  variables: Record<string, any>;
  /** A string in the call's input (so in its audit entry) and nowhere else. */
  token: string | null;
  acknowledged?: boolean;
  code?: string;
  response?: GraphQLResponse;
}

async function send(call: Call): Promise<Call> {
  const res = await api.query(MUTATIONS[call.mutation], call.variables, KEY);
  const payload = res.data?.[call.mutation] as { errors?: { code: string }[] } | undefined;
  call.response = res;
  call.acknowledged = res.status === 200 && !res.errors && payload?.errors?.length === 0;
  call.code = res.errors?.[0]?.extensions?.code ?? payload?.errors?.[0]?.code;
  return call;
}

describe("concurrent review", () => {
  it("keeps every acknowledged decision, leaves nothing of a refused one, and keeps the invariants", { timeout: 900_000 }, async () => {
    console.log(`[proposals-concurrency] seed ${SEED}, ${ROUNDS} rounds of ${WIDTH} calls at once (CONCURRENCY_SEED=${SEED} replays it)`);
    const rng = random(SEED);
    const people = Array.from({ length: 4 }, () => testId("attendee"));
    for (const id of people)
      expect(
        (await api.query(`mutation($input: PersonInput!) { createPerson(input: $input) { ${ERRORS} } }`, { input: { id, name: `Attendee ${id}` } }, KEY)).data!
          .createPerson.errors,
      ).toEqual([]);
    const articles: Awaited<ReturnType<typeof storeMeetingArticle>>[] = [];
    for (let i = 0; i < 4; i++)
      articles.push(
        await storeMeetingArticle(
          api,
          KEY,
          [rng.pick(people), rng.pick(people)].filter((p, j, all) => all.indexOf(p) === j),
        ),
      );

    let counter = 0;
    const plan = (): Call => {
      const token = `${testId("op")}-${++counter}`;
      const { proposals } = rng.pick(articles);
      const roll = rng.next();
      if (roll < 0.08) return { mutation: "mergePeople", variables: { input: { survivorId: rng.pick(people), mergedId: rng.pick(people) } }, token: null };
      if (roll < 0.2)
        return {
          mutation: "rejectProposals",
          variables: { ids: [rng.pick([proposals.place, proposals.duration, proposals.quote, ...proposals.attendances])], reason: token },
          token,
        };
      // A group as a curator picks it: the meeting with or without what it depends on, or a part of it.
      const all = [proposals.person, proposals.place, proposals.meeting, proposals.duration, proposals.quote, ...proposals.attendances];
      const ids = all.filter(() => rng.next() < 0.6);
      if (ids.length === 0) ids.push(rng.pick(all));
      return { mutation: "acceptProposals", variables: { ids, edits: [{ id: ids[0], note: token }] }, token };
    };

    const calls: Call[] = [];
    for (let round = 0; round < ROUNDS; round++) calls.push(...(await Promise.all(Array.from({ length: WIDTH }, plan).map(send))));

    const tally = Object.fromEntries(
      Object.keys(MUTATIONS).map((m) => [
        m,
        `${calls.filter((c) => c.mutation === m && c.acknowledged).length}/${calls.filter((c) => c.mutation === m).length}`,
      ]),
    );
    const refusals = new Map<string, number>();
    for (const c of calls) if (!c.acknowledged) refusals.set(c.code ?? "none", (refusals.get(c.code ?? "none") ?? 0) + 1);
    console.log(`[proposals-concurrency] acknowledged/sent: ${JSON.stringify(tally)}; refused by code: ${JSON.stringify(Object.fromEntries(refusals))}`);

    // No call may fail for a reason other than its input.
    expect
      .soft(calls.filter((c) => c.response!.status >= 500 || c.code === "INTERNAL_SERVER_ERROR").map((c) => `${c.mutation} ${JSON.stringify(c.variables)}`))
      .toEqual([]);

    const acknowledged = calls.filter((c) => c.acknowledged);
    const acceptedIds = new Set(acknowledged.filter((c) => c.mutation === "acceptProposals").flatMap((c) => c.variables.ids as string[]));
    const rejectedIds = new Set(acknowledged.filter((c) => c.mutation === "rejectProposals").flatMap((c) => c.variables.ids as string[]));
    const sourceIds = articles.map((a) => a.sourceId);
    const statuses = await api.db.read<{ id: string; status: string; kind: string; became: string | null; sourceId: string }>(
      "test.proposalStatuses",
      `MATCH (p:Proposal)-[:PROPOSED_FROM]->(s:Source) WHERE s.id IN $sourceIds RETURN p.id AS id, p.status AS status, p.kind AS kind, p.became AS became, s.id AS sourceId`,
      { sourceIds },
    );
    // Every acknowledged accept's proposals are accepted; only acknowledged calls decided anything.
    expect.soft(statuses.filter((p) => acceptedIds.has(p.id) && p.status !== "ACCEPTED").map((p) => `${p.id} ${p.status}`)).toEqual([]);
    expect.soft(statuses.filter((p) => p.status === "ACCEPTED" && !acceptedIds.has(p.id)).map((p) => p.id)).toEqual([]);
    expect.soft(statuses.filter((p) => p.status === "REJECTED" && !rejectedIds.has(p.id)).map((p) => p.id)).toEqual([]);

    // What each accepted proposal became carries the article: an attendance, a claim, a wording from its source.
    const [missing] = await api.db.read<{ attendances: string[]; claims: string[]; wordings: string[] }>(
      "test.acceptedFacts",
      `WITH [p IN $proposals WHERE p.status = 'ACCEPTED'] AS accepted
       RETURN [p IN accepted WHERE p.kind = 'PARTICIPATION' AND NOT EXISTS { MATCH (:Person)-[a:ATTENDED]->(:Meeting {id: p.became}) WHERE p.sourceId IN a.sourceIds } | p.id] AS attendances,
              [p IN accepted WHERE p.kind = 'DURATION' AND NOT EXISTS { (:Claim {id: p.became})-[:FROM]->(:Source {id: p.sourceId}) } | p.id] AS claims,
              [p IN accepted WHERE p.kind = 'STATEMENT' AND NOT EXISTS { (:Statement {id: p.became})-[:HAS_WORDING]->(:Wording)-[:FROM]->(:Source {id: p.sourceId}) } | p.id] AS wordings`,
      { proposals: statuses },
    );
    expect.soft(missing).toEqual({ attendances: [], claims: [], wordings: [] });

    // A refused call left nothing: no audit entry carries its token.
    const refusedTokens = calls.filter((c) => !c.acknowledged && c.token).map((c) => c.token!);
    const [{ audited }] = (await api.db.read<{ audited: string[] }>(
      "test.refusedCalls",
      `RETURN [t IN $tokens WHERE EXISTS { MATCH (a:AuditEntry) WHERE a.input CONTAINS t }] AS audited`,
      { tokens: refusedTokens },
    )) as [{ audited: string[] }];
    expect.soft(audited).toEqual([]);

    expect.soft(await findViolations(api.db)).toEqual([]);
  });
});
