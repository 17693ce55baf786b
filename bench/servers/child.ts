/**
 * What every contender's server process shares: the database target from the orchestrator
 * (BENCH_TARGET), the project's driver settings, a port reported back over IPC, and a clean
 * stop when the orchestrator says so or goes away. Each contender runs in its own process so
 * that the load generator never competes with it inside one event loop.
 */
import type http from "node:http";
import type { Driver } from "neo4j-driver";
import { createDriver, defaultDriverTimeouts, type DatabaseTarget } from "../../src/db/connect.js";

export type BenchTarget = Pick<DatabaseTarget, "uri" | "user" | "password" | "database">;

/** The message a server process sends when it listens. */
export interface ReadyMessage {
  port: number;
}

export interface RunningServer {
  httpServer: http.Server;
  stop?: () => Promise<void>;
}

export function runServerProcess(start: (driver: Driver, target: BenchTarget) => Promise<RunningServer>): void {
  const target = JSON.parse(process.env.BENCH_TARGET ?? "null") as BenchTarget | null;
  if (!target || !process.send) {
    console.error("A benchmark server process is started by bench/bench.ts, which passes BENCH_TARGET and an IPC channel.");
    process.exit(2);
  }
  // The same driver settings as the service in production (pool size, timeouts, plain numbers, no notifications) for every contender.
  const driver = createDriver({ ...target }, defaultDriverTimeouts, "OFF");
  let stopping = false;
  const stop = async (server?: RunningServer) => {
    if (stopping) return;
    stopping = true;
    await server?.stop?.();
    server?.httpServer.close();
    await driver.close();
    process.exit(0);
  };
  start(driver, target).then(
    (server) => {
      server.httpServer.listen(0, "127.0.0.1", () => {
        const address = server.httpServer.address();
        const ready: ReadyMessage = { port: typeof address === "object" && address ? address.port : 0 };
        process.send!(ready);
      });
      process.on("SIGTERM", () => void stop(server));
      process.on("disconnect", () => void stop(server));
    },
    (error: unknown) => {
      console.error(error);
      void stop();
    },
  );
}
