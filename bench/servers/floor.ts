/**
 * Contender (b), the floor: a plain node:http handler that runs one hand-written Cypher
 * statement per scenario (and, for some pages, a few lines of JavaScript over its result: see `finish` in scenarios.ts) (POST /<scenario id> with the parameters as JSON) as one auto-commit read,
 * the cheapest way the driver runs a statement (as the service's executor does), and answers
 * `{"data": …}` in the service's shape. HTTP and JSON cost is on both sides.
 */
import http from "node:http";
import neo4j from "neo4j-driver";
import { SCENARIOS } from "../scenarios.js";
import { runServerProcess } from "./child.js";

const floorById = new Map(SCENARIOS.map((s) => [s.id, s.floor]));

runServerProcess(async (driver, target) => {
  const httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      // POST /noop answers without the database: the fixed cost of this handler, for the report.
      if (req.url === "/noop") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"data":{}}');
        return;
      }
      const floor = floorById.get((req.url ?? "").slice(1));
      if (req.method !== "POST" || !floor) {
        res.writeHead(404).end();
        return;
      }
      const session = driver.session({ database: target.database, defaultAccessMode: neo4j.session.READ });
      try {
        const params = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        const result = await session.run(floor.cypher, params, { timeout: 60_000 });
        const data: unknown = result.records[0]?.get("data") ?? null;
        const body = JSON.stringify({ data: floor.finish && data !== null ? floor.finish(data) : data });
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      } finally {
        await session.close();
      }
    });
  });
  return { httpServer };
});
