/**
 * The start command (`npm start`): a Neo4j (yours via NEO4J_URI, or a local one started
 * here), migrations, the seed graph when the database is empty, and the API on PORT.
 * SIGINT/SIGTERM stop the API and the Neo4j this process started; the data stays on disk.
 */
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/open.js";
import { defaultSeedDir, graphIsEmpty, loadCuratedGraph } from "./ingest/curated.js";
import { readSeedDir } from "./ingest/seedFiles.js";
import { createLogger } from "./logger.js";
import { reportFailure } from "./script.js";
import { createServer } from "./server.js";

const say = (message: string) => console.log(`[meetgraph] ${message}`);

const usage = `Usage: npm start

Starts meetgraph: a local Neo4j (unless NEO4J_URI is set), schema migrations, the seed
graph when the database is empty (SEED_ON_START=false to skip), and GraphQL on PORT (4000).
Every setting is an environment variable; .env.example lists them with their defaults.`;

if (process.argv.includes("--help")) {
  console.log(usage);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { db, target, close } = await openDatabase(config, say);
  try {
    if (config.SEED_ON_START && (await graphIsEmpty(db))) {
      const report = await loadCuratedGraph(db, readSeedDir(defaultSeedDir));
      say(`The graph was empty: loaded the seed graph (${report.Meeting.created} meetings, ${report.Person.created} people, ${report.Statement.created} statements).`);
    }
    const server = await createServer({ config, db, logger });
    const port = await server.listen(config.PORT, config.HOST);

    say(`Neo4j:   ${target.uri} (database "${target.database}")${target.local ? `, data in ${config.NEO4J_DATA_DIR}` : ""}`);
    say(`GraphQL: http://localhost:${port}/graphql${config.PLAYGROUND ? " (open it in a browser for GraphQL Playground)" : ""}`);
    say(`Web app: http://localhost:${port}/`);
    say("Press Ctrl-C to stop.");

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`${signal} received: stopping...`);
      await server.stop();
      await close();
      say("Stopped.");
      process.exit(0);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (error) {
    await close();
    throw error;
  }
}

main().catch((error: unknown) => {
  reportFailure(error, usage, "[meetgraph] ");
  process.exit(1);
});
