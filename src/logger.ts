import { pino, type Logger } from "pino";

/** Structured JSON logs; silent under vitest unless LOG_LEVEL asks otherwise. */
export function createLogger(level: string): Logger {
  const effective = process.env.VITEST && !process.env.LOG_LEVEL ? "silent" : level;
  return pino({ level: effective, base: { service: "meetgraph" } });
}

export type { Logger };
