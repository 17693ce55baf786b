/** Credentials for writes and, when configured, reads: the settings, the header, READS_REQUIRE_AUTH. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, parseApiKey, signJwt, verifyJwt } from "../src/auth/credentials.js";
import { loadConfig } from "../src/config.js";
import { useApi } from "./support/api.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const WRITER = "writer-key";
const READER = "reader-key";
const SECRET = "another-test-secret-long-enough-0123456789";

describe("the settings", () => {
  it("reads API_KEYS as name:permission:sha256, and never keeps the keys themselves", () => {
    const config = loadConfig({ API_KEYS: ` alice:write:${sha256("a")}, bob:read:${sha256("b")} ` });
    expect(config.API_KEYS.map((k) => [k.name, k.permission, k.hash.toString("hex")])).toEqual([
      ["alice", "write", sha256("a")],
      ["bob", "read", sha256("b")],
    ]);
    expect(loadConfig({}).API_KEYS).toEqual([]);
    expect(loadConfig({}).READS_REQUIRE_AUTH).toBe(false);
  });

  it("rejects a malformed key entry or a short JWT secret, without printing the secret", () => {
    expect(() => loadConfig({ API_KEYS: "alice:admin:abc" })).toThrow(/API_KEYS\.0: must be name:read\|write:<64 hex digits/);
    expect(() => loadConfig({ JWT_SECRET: "too-short-secret" })).toThrow(/JWT_SECRET: must be at least 32 characters \(got a value, not shown\)/);
    expect(() => loadConfig({ JWT_SECRET: "too-short-secret" })).not.toThrow(/too-short-secret/);
  });
});

describe("a bearer token", () => {
  const settings = { API_KEYS: [parseApiKey(`alice:write:${sha256(WRITER)}`)], JWT_SECRET: SECRET };

  it("is an API key or an HS256 JWT; anything else names what is wrong", () => {
    expect(authenticate(undefined, settings)).toEqual({ principal: null, problem: null });
    expect(authenticate(`Bearer ${WRITER}`, settings).principal).toEqual({ actor: "alice", via: "api-key", permissions: ["read", "write"] });
    expect(authenticate(`Basic ${WRITER}`, settings).problem).toMatch(/must be "Bearer <token>"/);
    expect(authenticate("Bearer nope", settings).problem).toMatch(/not a valid API key or JWT/);
  });

  it("as a JWT: checked signature, alg, exp and nbf; sub is the actor, scope the permissions", () => {
    const now = Date.now();
    expect(verifyJwt(signJwt({ sub: "dana", scope: "read" }, SECRET), SECRET)).toEqual({ actor: "dana", via: "jwt", permissions: ["read"] });
    expect(verifyJwt(signJwt({ sub: "dana", scope: "write" }, "wrong-secret-wrong-secret-wrong-secret"), SECRET)).toBeNull();
    expect(verifyJwt(signJwt({ sub: "dana", exp: now / 1000 - 1 }, SECRET), SECRET)).toBeNull();
    expect(verifyJwt(signJwt({ sub: "dana", nbf: now / 1000 + 60 }, SECRET), SECRET)).toBeNull();
    expect(verifyJwt(signJwt({ scope: "write" }, SECRET), SECRET)).toBeNull();
    const [, payload, signature] = signJwt({ sub: "dana", scope: "write" }, SECRET).split(".");
    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    expect(verifyJwt(`${none}.${payload}.${signature}`, SECRET)).toBeNull();
  });
});

describe("READS_REQUIRE_AUTH", () => {
  const api = useApi({ API_KEYS: [parseApiKey(`alice:write:${sha256(WRITER)}`), parseApiKey(`bob:read:${sha256(READER)}`)], READS_REQUIRE_AUTH: true });
  const query = `{ person(id: "steve-witkoff") { id } }`;

  it("refuses a query without a valid token, and answers one with read or write permission", async () => {
    for (const token of [undefined, "wrong"]) {
      const res = await api.query(query, {}, token);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.data).toBeUndefined();
    }
    for (const token of [READER, WRITER]) expect((await api.query(query, {}, token)).data).toEqual({ person: { id: "steve-witkoff" } });
  });

  it("still lets only write permission write", async () => {
    const res = await api.query(`mutation { retractClaim(input: {claimId: "x#claim-1", reason: "r"}) { errors { code } } }`, {}, READER);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
