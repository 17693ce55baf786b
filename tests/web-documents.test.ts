/**
 * The web app's GraphQL operations (the persisted documents codegen writes from web/src) against
 * the API's schema: each is valid, and none asks for a deprecated field, so the app moves off a
 * field (startsAt, Claim.preferred, …) as soon as the API deprecates it.
 */
import fs from "node:fs";
import path from "node:path";
import { buildASTSchema, concatAST, NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { loadTypeDefs } from "../src/schema.js";

const schema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
const documents = JSON.parse(fs.readFileSync(path.join(projectRoot, "web/src/__generated__/persisted-documents.json"), "utf8")) as Record<string, string>;

function operationName(document: string): string {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1] ?? "(anonymous)";
}

describe("the web app's queries", () => {
  it.each(Object.values(documents).map((document) => [operationName(document), document]))(
    "%s is valid against the API's schema and asks for no deprecated field",
    (_name, document) => {
      const problems = validate(schema, parse(document), [...specifiedRules, NoDeprecatedCustomRule]).map((error) => error.message);
      expect(problems).toEqual([]);
    },
  );
});
