/**
 * The start command (`npm start`): a Neo4j (yours via NEO4J_URI, or a local one started
 * here), migrations, the seed graph when the database is empty, and the API on PORT.
 * SIGINT/SIGTERM stop the API and the Neo4j this process started; the data stays on disk.
 */
import { ConfigError, loadConfig } from "./config.js";
import { createDriver, DatabaseConnectError, resolveDatabase, waitForDatabase } from "./db/connect.js";
import { Neo4jExecutor } from "./db/executor.js";
import { LocalNeo4jError } from "./db/localNeo4j.js";
import { migrate } from "./db/migrations.js";
import { createLogger } from "./logger.js";
import { createServer } from "./server.js";

const say = (message: string) => console.log(`[meetgraph] ${message}`);

if (process.argv.includes("--help")) {
  console.log(`Usage: npm start

Starts meetgraph: a local Neo4j (unless NEO4J_URI is set), schema migrations, the seed
graph when the database is empty (SEED_ON_START=false to skip), and GraphQL on PORT (4000).
Every setting is an environment variable; .env.example lists them with their defaults.`);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  const target = await resolveDatabase(config, say);
  // From here on, a failure must not leave the Neo4j we started running.
  const stopLocal = async () => {
    if (target.local?.startedHere) {
      say("Stopping the local Neo4j...");
      await target.local.stop();
    }
  };
  const driver = createDriver(target);
  try {
    await waitForDatabase(driver, target, config.NEO4J_CONNECT_TIMEOUT_MS);
    const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
    const applied = await migrate(db);
    if (applied.length > 0) say(`Applied schema migrations ${applied.join(", ")}.`);

    const server = await createServer({ config, db, logger });
    const port = await server.listen(config.PORT, config.HOST);

    say(`Neo4j:   ${target.uri} (database "${target.database}")${target.local ? `, data in ${config.NEO4J_DATA_DIR}` : ""}`);
    say(`GraphQL: http://localhost:${port}/graphql`);
    say("Press Ctrl-C to stop.");

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`${signal} received: stopping...`);
      await server.stop();
      await driver.close();
      await stopLocal();
      say("Stopped.");
      process.exit(0);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (error) {
    await driver.close();
    await stopLocal();
    throw error;
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseConnectError || error instanceof LocalNeo4jError;
  console.error(`[meetgraph] ${known ? (error as Error).message : `Start-up failed: ${String((error as Error)?.stack ?? error)}`}`);
  process.exit(1);
});
