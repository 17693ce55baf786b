/**
 * The start command (`npm start`): a Neo4j (yours via NEO4J_URI, or a local one started
 * here), migrations, the seed graph when the database is empty, and the API on PORT.
 * SIGINT/SIGTERM stop it gracefully: requests in flight finish (within SHUTDOWN_TIMEOUT_MS), then
 * the driver and the Neo4j this process started are closed; the data stays on disk.
 */
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/open.js";
import { defaultSeedDir, readSeedDir } from "./seed/read.js";
import { graphIsEmpty, loadCuratedGraph } from "./seed/load.js";
import { explainListenError } from "./http/portInUse.js";
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

/**
 * What a signal does: from the first one, a graceful stop (readiness red, no new connections,
 * requests in flight finish within SHUTDOWN_TIMEOUT_MS, then the driver and the local Neo4j are
 * closed, exit 0). A signal during start-up stops it as soon as start-up has finished. A second
 * signal, two seconds or more after the first, gives up on the graceful stop and exits at once
 * (the local Neo4j stays up: `npm run db:stop`).
 */
const REPEAT_WINDOW_MS = 2_000;

function handleSignals(): { whenAsked: Promise<string> } {
  let ask: (signal: string) => void = () => {};
  const whenAsked = new Promise<string>((resolve) => (ask = resolve));
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === null) {
      firstAt = Date.now();
      return ask(signal);
    }
    // One Ctrl-C arrives more than once: the terminal signals the whole process group, and npm
    // passes it on to this process as well. Only a signal sent later is a second request.
    if (Date.now() - firstAt < REPEAT_WINDOW_MS) return;
    say(`${signal} again: exiting without waiting for the graceful stop.`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { whenAsked };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const signals = handleSignals();
  const { db, target, close } = await openDatabase(config, say);
  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    if (config.SEED_ON_START && (await graphIsEmpty(db))) {
      const report = await loadCuratedGraph(db, readSeedDir(defaultSeedDir));
      say(
        `The graph was empty: loaded the seed graph (${report.Meeting.created} meetings, ${report.Person.created} people, ${report.Statement.created} statements).`,
      );
    }
    server = await createServer({ config, db, logger });
    const port = await server.listen(config.PORT, config.HOST).catch((error: unknown) => {
      throw explainListenError(error, config.PORT, config.HOST, "PORT");
    });

    say(`Neo4j:   ${target.uri} (database "${target.database}")${target.local ? `, data in ${config.NEO4J_DATA_DIR}` : ""}`);
    say(`GraphQL: http://localhost:${port}/graphql${config.PLAYGROUND ? " (open it in a browser for GraphQL Playground)" : ""}`);
    say(`Web app: http://localhost:${port}/`);
    say("Press Ctrl-C to stop.");
    if (config.WARMUP_ON_START) {
      const started = Date.now();
      const warm = await server.warmUp();
      const skipped = warm.skipped.length > 0 ? `; not warmed, since the graph has nothing to fill their variables: ${warm.skipped.join(", ")}` : "";
      say(`Warm: ${warm.documents} known queries ran in ${((Date.now() - started) / 1000).toFixed(1)} s; /health/ready is green${skipped}.`);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const signal = await signals.whenAsked;
  const started = Date.now();
  say(`${signal} received: no new connections; letting requests in flight finish (up to ${config.SHUTDOWN_TIMEOUT_MS / 1000} s)...`);
  await server.stop();
  await close();
  say(`Stopped. (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

main().catch((error: unknown) => {
  reportFailure(error, usage, "[meetgraph] ");
  process.exit(1);
});
