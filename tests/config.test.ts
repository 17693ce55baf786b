import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig, settingNames } from "../src/config.js";

describe("configuration", () => {
  it("documents every setting in .env.example", () => {
    const documented = fs
      .readFileSync(new URL("../.env.example", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => line.split("=")[0]);
    expect(documented.sort()).toEqual([...settingNames].sort());
  });

  it("falls back to the documented defaults", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_HEAP).toBe("512m");
  });

  it("rejects a bad value with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(() => loadConfig({ NEO4J_URI: "http://example.org" })).toThrow(/NEO4J_URI: must be a neo4j:\/\/ or bolt:\/\/ URI/);
  });
});
