/**
 * The articles of the write scenarios W4 (ingestArticle) and W5 (acceptProposals), and what W5
 * prepares: the people and the meeting its article reports, the article ingested, its proposals
 * pending. Every id a request owns starts with its token, as bench/writes.ts requires, so that the
 * run's clean-up removes it: W5's people have ids of the benchmark's own, and the extraction
 * derives the ids of the statements they make from theirs; their meeting is in the graph before
 * the article is ingested, so accepting it adds the article's claims to it rather than creating a
 * meeting with an id made of its date and names.
 */
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config.js";
import type { Neo4jExecutor } from "../src/db/executor.js";
import { writeMeetings, writePeople, writeSources } from "../src/db/writes.js";
import { extractProposals, neo4jLookup } from "../src/extract/index.js";
import type { SeedMeeting } from "../src/model/entries.js";
import type { ProposalDraft } from "../src/model/proposal.js";
import { personSchema, sourceSchema } from "../src/model/entries.js";
import { proposalId, storeProposals } from "../src/proposal/store.js";

/** Where CI keeps the seed graph's articles, beside the repository. */
const SEED_ARTICLES = path.resolve(projectRoot, "..", "shared", "seeds");

/** A short report of our own, for a checkout without the seed articles. */
const BUILT_IN_ARTICLE = `MIAMI – Russian envoy Kirill Dmitriev met U.S. special envoy Steve Witkoff in Miami on 24 October 2025. The talks lasted about three hours, officials said.
"We had a constructive conversation," Dmitriev told reporters after the meeting.`;

/** The texts W4 ingests, request n the (n mod count)-th, and where they come from. */
export const INGESTED = ((): { texts: string[]; from: string } => {
  const files = fs.existsSync(SEED_ARTICLES)
    ? fs
        .readdirSync(SEED_ARTICLES)
        .filter((f) => f.endsWith(".txt"))
        .sort()
    : [];
  if (files.length === 0) return { texts: [BUILT_IN_ARTICLE], from: "a built-in short article (../shared/seeds has none)" };
  return { texts: files.map((f) => fs.readFileSync(path.join(SEED_ARTICLES, f), "utf8")), from: `the seed articles (${files.join(", ")})` };
})();

/** The day the seed articles were published: their relative dates ("on Wednesday") are read against it. */
export const INGESTED_ON = "2025-12-03";

/** W5's article reports its meeting as held "on Sunday": the day before this, the date of the benchmark's meetings (bench/writes.ts). */
const REPORTED_ON = "2025-06-02";

const SYLLABLES = ["ba", "de", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "ze", "go", "hi", "ja", "ko"];

/**
 * A surname stem of request n's own ("Bababa", "Debaba", …): the extraction resolves people by
 * name, so no two requests share one; three syllables at least, so that no other text holds it.
 */
function nameStem(n: number): string {
  let stem = "";
  for (let k = n, i = 0; i < 3 || k > 0; i++, k = Math.floor(k / SYLLABLES.length)) stem += SYLLABLES[k % SYLLABLES.length];
  return stem[0]!.toUpperCase() + stem.slice(1);
}

/** Request n's people: ids of its token's, names of its stem's. */
const peopleOf = (token: string, n: number) => [
  { id: `${token}-a`, name: `Marta ${nameStem(n)}vik` },
  { id: `${token}-b`, name: `Oskar ${nameStem(n)}strand` },
];

/** What W5's article says: a meeting of two people, how long it lasted, and what one of them said. */
function reportOf(token: string, n: number) {
  const [a, b] = peopleOf(token, n);
  return {
    sourceId: `${token}-article`,
    title: `Talks of ${a!.name} and ${b!.name}`,
    text: `${a!.name} met ${b!.name} in talks on Sunday that lasted about two hours. "We agreed to keep talking," ${nameStem(n)}vik said.`,
  };
}

/**
 * Makes what the W5 requests accept: their people and meeting (from `meetingOf`), their article as
 * an ingested source, and its proposals; answers each token's pending proposal ids in the article's order.
 */
export async function prepareAcceptance(
  db: Neo4jExecutor,
  requests: { token: string; n: number }[],
  meetingOf: (token: string, n: number, personIds: string[]) => SeedMeeting,
): Promise<Map<string, string[]>> {
  await db.writeTransaction("bench.writes.prepare.acceptProposals.graph", async (run) => {
    const people = requests.flatMap(({ token, n }) => peopleOf(token, n));
    await writePeople(
      run,
      people.map((p) => personSchema.parse({ ...p, aliases: [], countryIds: [], roles: [], relations: [] })),
    );
    await writeMeetings(
      run,
      requests.map(({ token, n }) => meetingOf(token, n, [`${token}-a`, `${token}-b`])),
    );
  });
  // The extraction reads the graph (names, meetings): only once the people and meetings are committed.
  const lookup = neo4jLookup(db);
  const articles: { token: string; report: ReturnType<typeof reportOf>; drafts: ProposalDraft[] }[] = [];
  for (const { token, n } of requests) {
    const report = reportOf(token, n);
    const drafts = await extractProposals({ ...report, publishedOn: REPORTED_ON }, lookup);
    articles.push({ token, report, drafts });
  }
  await db.writeTransaction("bench.writes.prepare.acceptProposals.articles", async (run) => {
    await writeSources(
      run,
      articles.map(({ report }) =>
        sourceSchema.parse({
          id: report.sourceId,
          title: report.title,
          publisher: null,
          publishedOn: REPORTED_ON,
          datePrecision: "DAY",
          url: null,
          kind: "article",
          file: null,
          note: "made by npm run bench, removed at its end",
        }),
      ),
    );
    await run(`UNWIND $rows AS row MATCH (s:Source {id: row.id}) SET s.text = row.text`, {
      rows: articles.map(({ report }) => ({ id: report.sourceId, text: report.text })),
    });
    for (const { report, drafts } of articles) await storeProposals(run, report.sourceId, drafts);
  });
  return new Map(
    articles.map(({ token, report, drafts }) => [token, drafts.filter((d) => !d.known?.fromThisSource).map((d) => proposalId(report.sourceId, d.key))]),
  );
}

/** Request n's name stem: the one string besides its token that its writes hold, for comparing two requests' graphs. */
export const ownedNames = (n: number) => [nameStem(n)];
