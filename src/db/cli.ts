/** `npm run db:start | db:stop | db:status | db:reset -- --yes`: the local Neo4j by hand. */
import fs from "node:fs";
import { loadConfig } from "../config.js";
import { runScript } from "../script.js";
import { resolveDatabase } from "./connect.js";
import { ensureNeo4jJars, localNeo4jStatus, stopLocalNeo4j } from "./localNeo4j.js";

const usage = `Usage: npm run db:<command> [-- --yes]

  db:install  fetch the Neo4j jars from Maven Central (start does this on first use)
  db:start    start the local Neo4j in the background (reuses a running one)
  db:stop     stop it; the data stays on disk
  db:status   say whether it runs, with its pid, Bolt URI and data directory
  db:reset    stop it and delete its data directory (asks for --yes)

The local Neo4j is only for when NEO4J_URI is unset. Settings: NEO4J_BOLT_PORT (7687),
NEO4J_DATA_DIR (.neo4j/), NEO4J_HEAP (512m), NEO4J_PAGE_CACHE (256m), NEO4J_PASSWORD
(generated and kept in the data directory when unset).`;

async function main(command: string | undefined, flags: string[]): Promise<number> {
  if (!command || flags.includes("--help") || command === "--help") {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const dataDir = config.NEO4J_DATA_DIR;
  if (config.NEO4J_URI && command !== "status" && command !== "install") {
    console.error(`NEO4J_URI is set (${config.NEO4J_URI}), so there is no local Neo4j to manage. Unset it to use the local one.`);
    return 1;
  }
  switch (command) {
    case "install":
      ensureNeo4jJars(console.log);
      console.log("Neo4j jars are in neo4j/lib.");
      return 0;
    case "start": {
      const { uri, local } = await resolveDatabase(config, console.log);
      if (local?.startedHere) console.log(`Neo4j is running at ${uri} (pid ${local.pid}); stop it with \`npm run db:stop\`.`);
      return 0;
    }
    case "stop": {
      const status = localNeo4jStatus(dataDir);
      await stopLocalNeo4j(dataDir);
      console.log(status.state === "running" ? `Stopped the local Neo4j (pid ${status.pid}).` : "The local Neo4j was not running.");
      return 0;
    }
    case "status": {
      if (config.NEO4J_URI) console.log(`NEO4J_URI is set: the service uses ${config.NEO4J_URI}; no local Neo4j is involved.`);
      const status = localNeo4jStatus(dataDir);
      if (status.state === "running") console.log(`running: pid ${status.pid}, ${status.uri}, data in ${dataDir}, since ${status.startedAt}`);
      else if (status.state === "stale")
        console.log(`stopped uncleanly: pid ${status.pid} is gone but left its state in ${dataDir}; \`npm run db:start\` recovers.`);
      else console.log(`stopped (data in ${dataDir}${fs.existsSync(dataDir) ? "" : ", not created yet"})`);
      return status.state === "running" ? 0 : 3;
    }
    case "reset": {
      if (!flags.includes("--yes")) {
        console.error(`This deletes every node in the local graph (${dataDir}). Run \`npm run db:reset -- --yes\` to confirm.`);
        return 1;
      }
      await stopLocalNeo4j(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
      console.log(`Deleted ${dataDir}. The next \`npm start\` creates a fresh, seeded graph.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

runScript(() => main(process.argv[2], process.argv.slice(3)), usage);
