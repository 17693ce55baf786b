/**
 * `npm run seed` on a graph curated through the API (issue 18): the curators' changes win. A merged
 * id is never written again and references follow it to the survivor, a curated entry is kept as it
 * is, the output names what was skipped, and a real conflict writes nothing and exits 1.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { runScript } from "./support/scripts.js";

const KEY = "seed-curator-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${createHash("sha256").update(KEY).digest("hex")}`)] });
cleanUpAfterAll(api);

function seed(files: Record<string, unknown[]>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-seed-"));
  const empty = { countries: [], organizations: [], places: [], topics: [], sources: [], people: [], meetings: [], statements: [] };
  for (const [name, entries] of Object.entries({ ...empty, ...files })) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(entries));
  const result = runScript("seed/seed.ts", "--dir", dir);
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

async function write(query: string, input: Record<string, unknown>) {
  const res = await api.query(query, { input }, KEY);
  expect(res.errors).toBeUndefined();
  expect(Object.values(res.data!)[0].errors).toEqual([]);
}

describe("seeding a curated graph", () => {
  const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => testId(`seeded-${name}`)) as [string, string, string, string];
  const [source, meeting, meeting2, statement, role] = ["source", "meeting", "meeting2", "statement", "role"].map(testId) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const ref = { sourceId: source, excerpt: "[test] an excerpt" };
  const person = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `Seeded ${id}`,
    aliases: [],
    countryIds: [],
    roles: [],
    relations: [],
    ...extra,
  });
  const meetingEntry = (id: string, participantIds: string[]) => ({
    id,
    kind: "talks",
    title: `Seeded meeting ${id}`,
    date: "2025-06-01",
    datePrecision: "DAY",
    startsAt: null,
    endsAt: null,
    placeId: null,
    outcome: null,
    topicIds: [],
    organizationIds: [],
    participants: participantIds.map((personId) => ({ personId, role: null, delegationCountryId: null, sources: [ref] })),
    durations: [],
    claims: [{ field: "date", value: "2025-06-01", wording: null, sourceId: source, excerpt: "[test] on 1 June" }],
  });
  const files = {
    countries: [{ id: "RU", name: "Russia" }],
    sources: [
      { id: source, title: "A test source", publisher: null, publishedOn: null, datePrecision: null, url: null, kind: "article", file: null, note: null },
    ],
    people: [
      person(a, { roles: [{ id: role, title: "Test office", organizationId: null, countryId: "RU", from: null, to: null, sources: [ref] }] }),
      person(b),
      person(c, { relations: [{ kind: "adviser-to", toPersonId: a, sources: [ref] }] }),
    ],
    meetings: [meetingEntry(meeting, [a, b])],
    statements: [
      {
        id: statement,
        speakerId: a,
        saidOn: null,
        datePrecision: null,
        meetingId: meeting,
        placeId: null,
        occasion: null,
        quoted: true,
        text: "Words.",
        topicIds: [],
        wordings: [{ sourceId: source, text: "Words." }],
      },
    ],
  };

  it("follows merges, keeps curated entries, names what it skipped, and writes nothing on a conflict", async () => {
    expect(seed(files).code).toBe(0);
    await write(`mutation($input: MergePeopleInput!) { mergePeople(input: $input) { errors { code } } }`, { survivorId: b, mergedId: a });
    await write(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code } } }`, { id: c, aliases: ["A curated alias"] });

    const again = seed(files);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`people.json ${a}: merged into "${b}"`);
    expect(again.output).toContain(`people.json ${c}: changed through the API`);

    const [graph] = await api.db.read<Record<string, unknown>>(
      "test.seededGraph",
      `RETURN EXISTS { (:Person {id: $a}) } AS mergedIdIsAPerson,
              [(r:PersonRedirect {id: $a})-[:MERGED_INTO]->(p) | p.id] AS redirect,
              [(p:Person)-[:HOLDS]->(:Role {id: $role}) | p.id] AS roleHolders,
              COLLECT { MATCH (p:Person {id: $c}) RETURN p.aliases }[0] AS curatedAliases,
              [(p:Person)-[:ATTENDED]->(:Meeting {id: $meeting}) | p.id] AS attendees,
              [(p:Person)-[:SAID]->(:Statement {id: $statement}) | p.id] AS speakers,
              [(:Person {id: $c})-[r:RELATED]->(p) | [r.kind, p.id]] AS relations`,
      { a, c, role, meeting, statement },
    );
    expect(graph).toEqual({
      mergedIdIsAPerson: false,
      redirect: [b],
      roleHolders: [b],
      curatedAliases: ["A curated alias"],
      attendees: [b],
      speakers: [b],
      relations: [["adviser-to", b]],
    });

    // The files give the role to someone else while the graph has it with the survivor: a conflict.
    const conflicting = {
      ...files,
      people: [person(a), person(b), person(c), person(d, { roles: files.people[0]!.roles })],
      meetings: [...files.meetings, meetingEntry(meeting2, [d])],
    };
    const refused = seed(conflicting);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`people.json ${d}: role "${role}" is held by "${b}" in the graph`);
    expect(refused.output).not.toContain("Unexpected failure");
    const [nothing] = await api.db.read<{ written: number }>(
      "test.conflictWroteNothing",
      `MATCH (n) WHERE n.id IN [$d, $meeting2] RETURN count(n) AS written`,
      { d, meeting2 },
    );
    expect(nothing!.written).toBe(0);
  });
});
