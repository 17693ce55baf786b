/** The part of autocannon's programmatic API the load runner uses (the package ships no types). */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each request is sent; what it returns is sent instead. */
    requests?: { setupRequest?: (request: { body?: string }) => { body?: string } }[];
    connections?: number;
    duration?: number;
    timeout?: number;
    /** How often autocannon samples, in ms; it also checks for the end of `duration` only this often. */
    sampleInt?: number;
    /** Return false to count the response as a mismatch. */
    verifyBody?: (body: string) => boolean;
  }

  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    requests: { total: number };
  }

  interface Instance extends EventEmitter {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): this;
    on(event: "done", listener: (result: Result) => void): this;
  }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
