/** Starts a contender's server in a child process and waits for the port it reports. */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { compiledPath, compileProject, type TsProject } from "../../src/compile.js";
import type { ContenderId } from "../scenarios.js";
import type { BenchTarget, ReadyMessage } from "./child.js";

/** The contenders, compiled with the service they import into bench/dist/, never the production dist/. */
const benchServers: TsProject = { tsconfig: "bench/tsconfig.servers.json", outDir: "bench/dist" };

/** Compiles the contenders; `startServer` runs what this wrote. */
export const compileServers = () => compileProject(benchServers);

/** The read scenarios' contenders, and the floor of the write scenarios (bench/writes.ts). */
export type ServerId = ContenderId | "writeFloor";

const entry: Record<ServerId, string> = {
  service: "bench/servers/service.ts",
  floor: "bench/servers/floor.ts",
  neo4jGraphql: "bench/servers/neo4jGraphql.ts",
  writeFloor: "bench/servers/writeFloor.ts",
};

export interface ServerProcess<Id extends ServerId = ContenderId> {
  id: Id;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** `logFile` receives the process's stdout and stderr, so a contender's errors can be read after the run. */
export async function startServer<Id extends ServerId>(
  id: Id,
  target: BenchTarget,
  logFile: string,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ServerProcess<Id>> {
  const log = fs.openSync(logFile, "a");
  // Compiled JavaScript (the orchestrator compiles first), as `npm start` runs the service.
  const child: ChildProcess = fork(compiledPath(entry[id], benchServers), [], {
    // Not the orchestrator's own flags, which load tsx.
    execArgv: [],
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target), NODE_ENV: "production", ...env },
    stdio: ["ignore", log, log, "ipc"],
  });
  fs.closeSync(log);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${id} server did not start within ${timeoutMs / 1000} s; see ${logFile}.`)), timeoutMs);
    child.once("message", (message: ReadyMessage) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${id} server exited with code ${code} during start-up; see ${logFile}.`));
    });
  });
  return {
    id,
    pid: child.pid!,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
