/**
 * npm run ingest:eval: extraction's precision and recall, measured. Starts a throw-away Neo4j,
 * loads only the seed's countries, organizations, places and people (no meetings, statements or
 * claims), extracts the two seed articles and the test articles through the graph, scores the
 * drafts against the curated seed graph and the test articles' expectations, and writes
 * docs/ingest-quality.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, projectRoot } from "../config.js";
import { createDriver, waitForDatabase } from "../db/connect.js";
import { Neo4jExecutor } from "../db/executor.js";
import { freePort, startLocalNeo4j, stopLocalNeo4j } from "../db/localNeo4j.js";
import { migrate } from "../db/migrations.js";
import { defaultSeedDir, readSeedDir } from "../seed/read.js";
import type { SeedGraph } from "../seed/files.js";
import { meetingRow, writeCountries, writeOrganizations, writePeople, writePlaces, writeSources } from "../db/writes.js";
import type { Article } from "../model/proposal.js";
import { runScript } from "../script.js";
import { articleText } from "./articleText.js";
import { precision, recall, score, SCORED_KINDS, total, type Expected, type Score } from "./evalScore.js";
import { extractProposals, neo4jLookup } from "./index.js";

const usage = `Usage: npm run ingest:eval [-- options]

Measures article extraction: precision and recall per kind on the two seed articles
(../shared/seeds, scored against seed/data) and on the test articles (tests/fixtures/articles),
against a throw-away Neo4j holding only the seed's countries, organizations, places and people.

Options:
  --out FILE     where to write the report (default: docs/ingest-quality.md)
  --no-write     print the report only
  --help         this help

Needs Java 17+ and the Neo4j jars (npm run db:install), like npm test.`;

export const seedArticlesDir = path.join(projectRoot, "..", "shared", "seeds");
export const fixtureArticlesDir = path.join(projectRoot, "tests", "fixtures", "articles");

/**
 * Neither seed article is dated in sources.json; both report the talks that "concluded in the
 * early hours of Wednesday", 3 December 2025 (sources.json's notes), and are read as published that day.
 */
const SEED_PUBLISHED_ON = "2025-12-03";

export interface EvalArticle {
  name: string;
  article: Article;
  expected: Expected;
}

export interface ArticleResult {
  name: string;
  score: Score;
  draftCount: number;
  milliseconds: number;
}

/** What the curated seed graph holds that this source states: the answer key for a seed article. */
export function seedExpectation(graph: SeedGraph, sourceId: string): Expected {
  const meetings = graph.meetings.flatMap((m) => {
    const participants = m.participants.filter((p) => p.sources.some((s) => s.sourceId === sourceId)).map((p) => p.personId);
    return participants.length === 0 ? [] : [{ date: m.date, dateEnd: meetingRow(m).dateEnd, participants }];
  });
  const durations = graph.meetings.flatMap((m) =>
    m.durations.filter((d) => d.sourceId === sourceId && d.wording).map((d) => ({ meetingDate: m.date, wording: d.wording! })),
  );
  const quotes = graph.statements.flatMap((s) =>
    s.wordings
      .filter((w) => w.sourceId === sourceId && (w.quoted ?? s.quoted))
      .map((w) => ({ speaker: s.speakerId, text: w.text, saidOn: s.saidOn, occasion: s.occasion })),
  );
  const roles = graph.people.flatMap((p) =>
    p.roles.some((r) => r.sources.some((s) => s.sourceId === sourceId && s.basis === "STATED")) ? [{ person: p.id }] : [],
  );
  return { meetings, durations, quotes, roles };
}

export function seedArticles(graph: SeedGraph): EvalArticle[] {
  return graph.sources
    .filter((s) => s.file !== null && s.file.endsWith(".txt") && fs.existsSync(path.join(seedArticlesDir, s.file)))
    .map((s) => ({
      name: s.file!,
      article: {
        text: articleText(fs.readFileSync(path.join(seedArticlesDir, s.file!))),
        title: s.title,
        url: s.url,
        publisher: s.publisher,
        publishedOn: s.publishedOn ?? SEED_PUBLISHED_ON,
      },
      expected: seedExpectation(graph, s.id),
    }));
}

export function fixtureArticles(): EvalArticle[] {
  return fs
    .readdirSync(fixtureArticlesDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const meta = JSON.parse(fs.readFileSync(path.join(fixtureArticlesDir, f.replace(/\.txt$/, ".json")), "utf8")) as Omit<Article, "text"> & {
        expected: Expected;
      };
      const { expected, ...metadata } = meta;
      return { name: f, article: { ...metadata, text: articleText(fs.readFileSync(path.join(fixtureArticlesDir, f))) }, expected };
    });
}

export async function evaluate(db: Neo4jExecutor, articles: readonly EvalArticle[]): Promise<ArticleResult[]> {
  const lookup = neo4jLookup(db);
  const results: ArticleResult[] = [];
  for (const { name, article, expected } of articles) {
    const started = performance.now();
    const drafts = await extractProposals(article, lookup);
    results.push({ name, score: score(drafts, expected), draftCount: drafts.length, milliseconds: Math.round(performance.now() - started) });
  }
  return results;
}

/** Loads what the eval's graph holds: the seed's countries, organizations, places, people and the sources their roles cite. */
export async function loadReferenceGraph(db: Neo4jExecutor, graph: SeedGraph): Promise<void> {
  await migrate(db);
  await db.writeTransaction("eval.load", async (run) => {
    await writeCountries(run, graph.countries);
    await writeOrganizations(run, graph.organizations);
    await writePlaces(run, graph.places);
    await writeSources(run, graph.sources);
    await writePeople(run, graph.people);
  });
}

const fmt = (n: number) => n.toFixed(2);

function table(score: Score): string {
  const rows = SCORED_KINDS.map(
    (k) => `| ${k} | ${fmt(precision(score[k]))} | ${fmt(recall(score[k]))} | ${score[k].hits} | ${score[k].proposed} | ${score[k].expected} |`,
  );
  return ["| kind | precision | recall | right | proposed | expected |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

function details(score: Score): string {
  return SCORED_KINDS.flatMap((k) => {
    const lines = [...score[k].misses.map((m) => `- missed: ${m}`), ...score[k].falseProposals.map((f) => `- false: ${f}`)];
    return lines.length === 0 ? [] : [`**${k}**`, "", ...lines, ""];
  }).join("\n");
}

export function report(seed: readonly ArticleResult[], fixtures: readonly ArticleResult[]): string {
  const section = (title: string, results: readonly ArticleResult[]) => [
    `## ${title}`,
    "",
    table(total(results.map((r) => r.score))),
    "",
    ...results.flatMap((r) => [
      `### ${r.name}`,
      "",
      `${r.draftCount} drafts, extracted and deduped in ${r.milliseconds} ms.`,
      "",
      table(r.score),
      "",
      details(r.score),
    ]),
  ];
  return [
    "# Ingest quality",
    "",
    "<!-- Generated by `npm run ingest:eval` (src/extract/eval.ts): do not edit by hand. -->",
    "",
    "Article extraction (src/extract/) measured against a graph holding only the seed's countries,",
    "organizations, places and people. A meeting is right when its date falls on the expected",
    "meeting's days and it has exactly the expected participants; a duration when it is on that",
    "meeting with the same wording; a quote when its speaker is right and its words are the",
    "expected wording's; a quote's date when it falls in the curated one's period (or that in its),",
    "and its occasion when it shares a content word with the curated one (which curators word their",
    "own way); a role when the person is one the article gives a role. The seed articles",
    `are undated in sources.json and are read as published on ${SEED_PUBLISHED_ON}, the day the talks they report ended.`,
    "",
    ...section("Seed articles (scored against seed/data)", seed),
    ...section("Test articles (tests/fixtures/articles, scored against their .json)", fixtures),
  ].join("\n");
}

/** Runs the whole measurement on a throw-away Neo4j, which it always stops and deletes. */
export async function runEval(progress: (message: string) => void = () => {}): Promise<{ seed: ArticleResult[]; fixtures: ArticleResult[]; markdown: string }> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-ingest-eval-"));
  const password = `ingest-eval-${process.pid}`;
  const boltPort = await freePort();
  try {
    progress(`Starting a throw-away Neo4j in ${dataDir}...`);
    await startLocalNeo4j({ dataDir, boltPort, password, heap: "512m", pageCache: "64m", startTimeoutMs: config.NEO4J_START_TIMEOUT_MS, progress });
    const target = { uri: `bolt://127.0.0.1:${boltPort}`, user: "neo4j", password, database: "neo4j" };
    const driver = createDriver(target);
    try {
      await waitForDatabase(driver, target, 60_000);
      const db = new Neo4jExecutor(driver, { database: "neo4j", queryTimeoutMs: 60_000 });
      const graph = readSeedDir(defaultSeedDir);
      await loadReferenceGraph(db, graph);
      const seed = await evaluate(db, seedArticles(graph));
      const fixtures = await evaluate(db, fixtureArticles());
      return { seed, fixtures, markdown: `${report(seed, fixtures)}\n` };
    } finally {
      await driver.close();
    }
  } finally {
    await stopLocalNeo4j(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" }, "no-write": { type: "boolean" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const { markdown } = await runEval(console.log);
  console.log(markdown);
  if (!values["no-write"]) {
    const out = path.resolve(values.out ?? path.join(projectRoot, "docs", "ingest-quality.md"));
    fs.writeFileSync(out, markdown);
    console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runScript(main, usage);
