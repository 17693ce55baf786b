/**
 * Persisted queries (issue 8): automatic persisted queries are on; the web app's operations
 * (codegen's persisted-documents.json) run from their hash alone; and with
 * PERSISTED_QUERIES=allowlist nothing else runs.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PeopleSearchDocument } from "../web/src/__generated__/graphql.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { useApi } from "./support/api.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(url: string, payload: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify(payload),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }) };
}

const codeOf = (answer: { errors?: { extensions?: Record<string, any> }[] }) => answer.errors?.[0]?.extensions?.code;

/** The app's search for "witkoff", as the app sends it: the generated document's hash, no text. */
const searchHash = PeopleSearchDocument.__meta__!.hash as string;
const searchVariables = { search: "witkoff", first: 5 };
const expectWitkoff = (answer: { data?: any }) => expect(answer.data?.people.edges.map((edge: any) => edge.node.name)).toEqual(["Steve Witkoff"]);

describe("the manifest codegen writes", () => {
  it("holds every operation of the web app under the SHA-256 of its text, as APQ hashes it", () => {
    const manifest = loadManifest();
    expect(manifest.get(searchHash)).toContain("query PeopleSearch");
    for (const [hash, document] of manifest) expect(sha256(document)).toBe(hash);
  });
});

describe("PERSISTED_QUERIES=automatic (the default)", () => {
  const api = useApi();

  it("runs a web app operation from its hash alone, on the first request", async () => {
    const answer = await post(api.url, { variables: searchVariables, extensions: persisted(searchHash) });
    expect(answer.errors).toBeUndefined();
    expectWitkoff(answer);
  });

  it("does the APQ handshake for any other query: unknown hash, then hash and text, then the hash alone", async () => {
    const query = `{ person(id: "steve-witkoff") { name } }`;
    const hash = sha256(query);
    const unknown = await post(api.url, { extensions: persisted(hash) });
    expect(codeOf(unknown)).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await post(api.url, { query, extensions: persisted(hash) });
    expect(registered.data).toEqual({ person: { name: "Steve Witkoff" } });
    const byHash = await post(api.url, { extensions: persisted(hash) });
    expect(byHash.data).toEqual({ person: { name: "Steve Witkoff" } });
  });

  it("refuses a hash that does not match the text sent with it, and an unknown protocol version, as the client's errors", async () => {
    const answer = await post(api.url, { query: "{ __typename }", extensions: persisted(sha256("something else")) });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringMatching(/provided sha does not match query/), extensions: { code: "BAD_REQUEST" } });
    const version = await post(api.url, { query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: sha256("{ __typename }") } } });
    expect(version.status).toBe(400);
    expect(version.errors?.[0]).toMatchObject({ message: "Unsupported persisted query version", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("PERSISTED_QUERIES=allowlist", () => {
  const api = useApi({ PERSISTED_QUERIES: "allowlist" });

  it("runs the web app's operations, by hash or by their exact text", async () => {
    expectWitkoff(await post(api.url, { variables: searchVariables, extensions: persisted(searchHash) }));
    expectWitkoff(await post(api.url, { query: loadManifest().get(searchHash), variables: searchVariables }));
  });

  it("refuses any other document with OPERATION_NOT_ALLOWED, and it cannot be registered through APQ", async () => {
    const query = `{ person(id: "steve-witkoff") { name } }`;
    const asText = await post(api.url, { query });
    expect(asText.status).toBe(400);
    expect(asText.data).toBeUndefined();
    expect(codeOf(asText)).toBe("OPERATION_NOT_ALLOWED");
    expect((asText as { extensions?: { cypherRoundTrips?: number } }).extensions?.cypherRoundTrips).toBe(0);

    const registering = await post(api.url, { query, extensions: persisted(sha256(query)) });
    expect(codeOf(registering)).toBe("OPERATION_NOT_ALLOWED");
    const byHash = await post(api.url, { extensions: persisted(sha256(query)) });
    expect(codeOf(byHash)).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(byHash.data).toBeUndefined();
  });
});
