/**
 * Curation under concurrency (issue 18): randomized, seeded interleavings of merges, meeting edits,
 * statements, new people with relations, claims, duration claims, rankings and retractions, many at once over many rounds.
 * Afterwards every acknowledged write is in the graph, every refused one left nothing behind (not
 * even its audit entry), and the graph's invariants hold.
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
import { cleanUpAfterAll, testId } from "./support/curation.js";

const KEY = "concurrency-writer-key";
// Production mode, as curators meet it.
const api = useApi({
  API_KEYS: [parseApiKey(`racer:write:${createHash("sha256").update(KEY).digest("hex")}`)],
  NODE_ENV: "production",
});
cleanUpAfterAll(api);

const SEED = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 1_000_000);
const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 12);
const WIDTH = Number(process.env.CONCURRENCY_WIDTH ?? 16);

const ref = (excerpt: string) => ({ sourceId: "dawat-004", excerpt: `[test] ${excerpt}` });
/**
 * Seed sources for duration claims. A source holds one standing duration claim per meeting: a second
 * with other words is refused (the words are unique per write here), the same words update it.
 */
const SOURCES = ["dawat-004", "article-000", "sky-news-2025-03-14", "tass-1942591", "anews-2025-04-17"];
const RANKS = ["PREFERRED", "NORMAL", "DEPRECATED"] as const;
const ERRORS = "errors { field code message }";
const MUTATIONS = {
  mergePeople: `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { person { id } ${ERRORS} } }`,
  createPerson: `mutation($input: PersonInput!) { createPerson(input: $input) { person { id } ${ERRORS} } }`,
  updatePerson: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } ${ERRORS} } }`,
  createMeeting: `mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { id } ${ERRORS} } }`,
  updateMeeting: `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } ${ERRORS} } }`,
  attachClaims: `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { id claims { id excerpt } } ${ERRORS} } }`,
  retractClaim: `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { claim { id } ${ERRORS} } }`,
  rankClaim: `mutation($input: RankClaimInput!) { rankClaim(input: $input) { claim { id } ${ERRORS} } }`,
  addStatement: `mutation($input: StatementInput!) { addStatement(input: $input) { statement { id } ${ERRORS} } }`,
} as const;
type Mutation = keyof typeof MUTATIONS;

/** One write sent, and what became of it. */
interface Write {
  mutation: Mutation;
  input: Record<string, any>;
  /** A string found in the input (and so in its audit entry) and nowhere else. */
  token: string | null;
  /** The id of the node the write creates, if any. */
  creates?: string;
  acknowledged?: boolean;
  code?: string;
  response?: GraphQLResponse;
}

async function send(write: Write): Promise<Write> {
  const res = await api.query(MUTATIONS[write.mutation], { input: write.input }, KEY);
  const payload = res.data?.[write.mutation] as { errors?: { code: string }[] } | undefined;
  write.response = res;
  write.acknowledged = res.status === 200 && !res.errors && payload?.errors?.length === 0;
  write.code = res.errors?.[0]?.extensions?.code ?? payload?.errors?.[0]?.code;
  return write;
}

const person = (id: string) => ({ id, name: `Racer ${id}` });
const meeting = (id: string, participantIds: string[]) => ({
  id,
  kind: "talks",
  title: `Race ${id}`,
  date: "2025-06-01",
  participants: participantIds.map((personId) => ({ personId, sources: [ref("in the room")] })),
  claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
});

describe("concurrent curation", () => {
  it("keeps every acknowledged write, leaves nothing of a refused one, and keeps the invariants", { timeout: 600_000 }, async () => {
    console.log(`[concurrency] seed ${SEED}, ${ROUNDS} rounds of ${WIDTH} writes at once (CONCURRENCY_SEED=${SEED} replays it)`);
    const rng = random(SEED);
    const people = Array.from({ length: 10 }, () => testId("racer"));
    const meetings = Array.from({ length: 4 }, () => testId("race"));
    for (const id of people) expect((await send({ mutation: "createPerson", input: person(id), token: null })).acknowledged).toBe(true);
    for (const id of meetings)
      expect(
        (
          await send({
            mutation: "createMeeting",
            input: meeting(
              id,
              [rng.pick(people), rng.pick(people)].filter((p, i, all) => all.indexOf(p) === i),
            ),
            token: null,
          })
        ).acknowledged,
      ).toBe(true);

    // Mostly people not merged away yet (as far as the acknowledged merges tell), so most writes race
    // a merge rather than meet one already done; sometimes any id, merged ones included.
    const retired = new Set<string>();
    const somebody = () => {
      const live = people.filter((id) => !retired.has(id));
      return rng.pick(live.length > 0 && rng.next() < 0.8 ? live : people);
    };
    const writes: Write[] = [];
    const claimIds: string[] = [];
    let counter = 0;
    const plan = (): Write => {
      const token = `${testId("op")}-${++counter}`;
      const roll = rng.next();
      if (roll < 0.07) return { mutation: "mergePeople", input: { survivorId: somebody(), mergedId: somebody() }, token: null };
      if (roll < 0.34) {
        return {
          mutation: "updateMeeting",
          input: { id: rng.pick(meetings), title: `Race ${token}`, addParticipants: [{ personId: somebody(), sources: [ref(token)] }] },
          token,
        };
      }
      if (roll < 0.52) {
        return {
          mutation: "addStatement",
          creates: token,
          input: {
            id: token,
            speakerId: somebody(),
            quoted: true,
            text: `Said ${token}`,
            wordings: [{ sourceId: "dawat-004", text: `Said ${token}` }],
            meetingId: rng.pick(meetings),
          },
          token,
        };
      }
      if (roll < 0.68) {
        const targets = [...new Set([somebody(), somebody()])];
        const created = {
          id: testId("racer"),
          name: `Racer ${token}`,
          relations: targets.map((toPersonId) => ({ kind: "adviser-to", toPersonId, sources: [ref(token)] })),
        };
        return { mutation: "createPerson", input: created, token, creates: created.id };
      }
      if (roll < 0.82) {
        return {
          mutation: "attachClaims",
          input: { meetingId: rng.pick(meetings), claims: [{ field: "test-note", value: token, sourceId: "dawat-004", excerpt: `[test] ${token}` }] },
          token,
        };
      }
      if (roll < 0.87) {
        const figureMinutes = 30 + Math.floor(rng.next() * 8) * 30;
        const duration = {
          sourceId: rng.pick(SOURCES),
          excerpt: `[test] ${token}`,
          wording: `about ${figureMinutes} minutes, ${token}`,
          figureMinutes,
          granularityMinutes: 30,
          bound: "AROUND",
          rank: rng.pick(RANKS),
          rankReason: `[test] ${token}`,
        };
        return { mutation: "attachClaims", input: { meetingId: rng.pick(meetings), durations: [duration] }, token };
      }
      if (roll < 0.9 && claimIds.length > 0) return { mutation: "retractClaim", input: { claimId: rng.pick(claimIds), reason: `[test] ${token}` }, token };
      if (roll < 0.95 && claimIds.length > 0)
        return { mutation: "rankClaim", input: { claimId: rng.pick(claimIds), rank: rng.pick(RANKS), reason: `[test] ${token}` }, token };
      return { mutation: "updatePerson", input: { id: somebody(), aliases: [`alias ${token}`] }, token };
    };

    for (let round = 0; round < ROUNDS; round++) {
      const sent = await Promise.all(Array.from({ length: WIDTH }, plan).map(send));
      writes.push(...sent);
      for (const w of sent) {
        if (!w.acknowledged) continue;
        if (w.mutation === "createPerson") people.push(w.input.id);
        if (w.mutation === "mergePeople" && w.input.survivorId !== w.input.mergedId) retired.add(w.input.mergedId);
        if (w.mutation === "attachClaims") {
          const { claims } = w.response!.data!.attachClaims.meeting as { claims: { id: string; excerpt: string }[] };
          claimIds.push(...claims.filter((c) => c.excerpt === `[test] ${w.token}`).map((c) => c.id));
        }
      }
    }

    const tally = Object.fromEntries(
      Object.keys(MUTATIONS).map((m) => [
        m,
        `${writes.filter((w) => w.mutation === m && w.acknowledged).length}/${writes.filter((w) => w.mutation === m).length}`,
      ]),
    );
    const refusals = new Map<string, number>();
    for (const w of writes) if (!w.acknowledged) refusals.set(w.code ?? "none", (refusals.get(w.code ?? "none") ?? 0) + 1);
    console.log(`[concurrency] acknowledged/sent by mutation: ${JSON.stringify(tally)}; refused by code: ${JSON.stringify(Object.fromEntries(refusals))}`);

    // No write may fail for a reason other than its input: no internal errors, no 5xx.
    expect
      .soft(writes.filter((w) => w.response!.status >= 500 || w.code === "INTERNAL_SERVER_ERROR").map((w) => `${w.mutation} ${JSON.stringify(w.input)}`))
      .toEqual([]);

    // Where every id ended up: a merged id resolves to its survivor.
    const [{ redirects }] = (await api.db.read<{ redirects: [string, string][] }>(
      "test.redirects",
      `MATCH (r:PersonRedirect)-[:MERGED_INTO]->(p:Person) WHERE r.id STARTS WITH 'ct-' RETURN collect([r.id, p.id]) AS redirects`,
    )) as [{ redirects: [string, string][] }];
    const survivorOf = new Map(redirects);
    const resolve = (id: string) => survivorOf.get(id) ?? id;

    const acknowledged = writes.filter((w) => w.acknowledged);
    const expected = {
      attendances: acknowledged
        .filter((w) => w.mutation === "updateMeeting")
        .map((w) => ({ personId: resolve(w.input.addParticipants[0].personId), meetingId: w.input.id })),
      speakers: acknowledged.filter((w) => w.mutation === "addStatement").map((w) => ({ statementId: w.input.id, personId: resolve(w.input.speakerId) })),
      relations: acknowledged
        .filter((w) => w.mutation === "createPerson" && w.token)
        .flatMap((w) => (w.input.relations as { toPersonId: string }[]).map((r) => ({ from: resolve(w.input.id), to: resolve(r.toPersonId) })))
        .filter((r) => r.from !== r.to),
      claims: acknowledged.filter((w) => w.mutation === "attachClaims" && w.input.claims).map((w) => ({ meetingId: w.input.meetingId, value: w.token })),
      durations: acknowledged
        .filter((w) => w.mutation === "attachClaims" && w.input.durations)
        .map((w) => ({ meetingId: w.input.meetingId, excerpt: `[test] ${w.token}` })),
      retracted: acknowledged.filter((w) => w.mutation === "retractClaim").map((w) => w.input.claimId as string),
      // Both ids of an acknowledged merge stand for one live person (a later merge may have gone the other way).
      merged: acknowledged
        .filter((w) => w.mutation === "mergePeople")
        .map((w) => ({ ids: [w.input.survivorId, w.input.mergedId], into: [resolve(w.input.survivorId), resolve(w.input.mergedId)] })),
    };
    const [missing] = await api.db.read<Record<string, unknown[]>>(
      "test.acknowledgedWrites",
      `RETURN
         [a IN $e.attendances WHERE NOT EXISTS { (:Person {id: a.personId})-[:ATTENDED]->(:Meeting {id: a.meetingId}) }] AS attendances,
         [s IN $e.speakers WHERE COUNT { (:Person {id: s.personId})-[:SAID]->(:Statement {id: s.statementId}) } <> 1
                              OR COUNT { ()-[:SAID]->(:Statement {id: s.statementId}) } <> 1] AS speakers,
         [r IN $e.relations WHERE NOT EXISTS { (:Person {id: r.from})-[:RELATED {kind: 'adviser-to'}]->(:Person {id: r.to}) }] AS relations,
         [c IN $e.claims WHERE NOT EXISTS { (:Meeting {id: c.meetingId})-[:HAS_CLAIM]->(:Claim {value: c.value})-[:FROM]->(:Source) }] AS claims,
         [d IN $e.durations WHERE NOT EXISTS { (:Meeting {id: d.meetingId})-[:HAS_DURATION]->(:DurationClaim {excerpt: d.excerpt})-[:FROM]->(:Source) }] AS durations,
         [id IN $e.retracted WHERE NOT EXISTS { MATCH (c:Claim {id: id}) WHERE c.retractedAt IS NOT NULL }] AS retracted,
         [m IN $e.merged WHERE m.into[0] <> m.into[1] OR NOT EXISTS { (:Person {id: m.into[0]}) }
                            OR any(id IN m.ids WHERE id <> m.into[0] AND (EXISTS { (:Person {id: id}) } OR NOT EXISTS { (:PersonRedirect {id: id})-[:MERGED_INTO]->(:Person {id: m.into[0]}) }))] AS merged`,
      { e: expected },
    );
    expect.soft(missing).toEqual({ attendances: [], speakers: [], relations: [], claims: [], durations: [], retracted: [], merged: [] });

    // A refused write left nothing: no audit entry carries its token, and what it would have created does not exist.
    const refused = writes.filter((w) => !w.acknowledged);
    const [leftovers] = await api.db.read<{ audited: string[]; created: string[] }>(
      "test.refusedWrites",
      `RETURN [t IN $tokens WHERE EXISTS { MATCH (a:AuditEntry) WHERE a.input CONTAINS t }] AS audited,
              [id IN $ids WHERE EXISTS { MATCH (n) WHERE n.id = id AND (n:Person OR n:PersonRedirect OR n:Statement) }] AS created`,
      { tokens: refused.flatMap((w) => (w.token ? [w.token] : [])), ids: refused.flatMap((w) => (w.creates ? [w.creates] : [])) },
    );
    expect.soft(leftovers).toEqual({ audited: [], created: [] });
    // Each acknowledged write has exactly one audit entry; merges (whose input has no token) are counted per input.
    const tokens = acknowledged.filter((w) => w.token).map((w) => w.token!);
    const [{ audits }] = (await api.db.read<{ audits: number[] }>(
      "test.auditCounts",
      `RETURN [t IN $tokens | COUNT { MATCH (a:AuditEntry) WHERE a.input CONTAINS t }] AS audits`,
      { tokens },
    )) as [{ audits: number[] }];
    expect.soft(audits.every((n) => n === 1)).toBe(true);
    const merges = writes.filter((w) => w.mutation === "mergePeople");
    const [{ mergeAudits }] = (await api.db.read<{ mergeAudits: number }>(
      "test.mergeAudits",
      `MATCH (a:AuditEntry {mutation: 'mergePeople'}) WHERE any(id IN a.entityIds WHERE id IN $ids) RETURN count(a) AS mergeAudits`,
      { ids: people },
    )) as [{ mergeAudits: number }];
    expect.soft(mergeAudits).toBe(merges.filter((w) => w.acknowledged).length);

    // And the graph as a whole keeps every invariant (what `npm run db:check` checks).
    expect.soft(await findViolations(api.db)).toEqual([]);
  });
});
