/** Credentials for writes and, when configured, reads: the settings, the header, READS_REQUIRE_AUTH. */
import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { authenticate, parseApiKey, signJwt } from "../src/auth/credentials.js";
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
  const settings = { API_KEYS: [parseApiKey(`alice:write:${sha256(WRITER)}`)], JWT_SECRET: SECRET, JWT_MAX_LIFETIME_SECONDS: 3_600 };

  it("is an API key or an HS256 JWT; anything else names what is wrong", async () => {
    expect(await authenticate(undefined, settings)).toEqual({ principal: null, problem: null });
    expect((await authenticate(`Bearer ${WRITER}`, settings)).principal).toEqual({ actor: "alice", via: "api-key", permissions: ["read", "write"] });
    expect((await authenticate(`Basic ${WRITER}`, settings)).problem).toMatch(/must be "Bearer <token>"/);
    expect((await authenticate("Bearer nope", settings)).problem).toMatch(/not a valid API key or JWT/);
    expect((await authenticate("Bearer a.b.c", settings)).problem).toMatch(/not a valid API key or JWT/);
  });
});

describe("a JWT", () => {
  const MAX_LIFETIME = 3_600;
  const settings = { API_KEYS: [], JWT_SECRET: SECRET, JWT_MAX_LIFETIME_SECONDS: MAX_LIFETIME };
  const now = () => Math.floor(Date.now() / 1000);
  const fresh = (claims: Record<string, unknown> = {}) => ({ sub: "dana", scope: "read", iat: now(), exp: now() + 600, ...claims });
  const outcome = async (claims: Record<string, unknown>, secret = SECRET) => authenticate(`Bearer ${await signJwt(claims, secret)}`, settings);
  const problemOf = async (claims: Record<string, unknown>) => {
    const auth = await outcome(claims);
    expect(auth.principal).toBeNull();
    return auth.problem;
  };

  it("signed with the secret and unexpired: sub is the actor, scope the permissions", async () => {
    expect((await outcome(fresh())).principal).toEqual({ actor: "dana", via: "jwt", permissions: ["read"] });
    expect((await outcome(fresh({ scope: "read write" }))).principal).toEqual({ actor: "dana", via: "jwt", permissions: ["read", "write"] });
    expect((await outcome(fresh({ scope: undefined }))).principal).toEqual({ actor: "dana", via: "jwt", permissions: [] });
    // Without iat, the lifetime runs from now.
    expect((await outcome(fresh({ iat: undefined, exp: now() + MAX_LIFETIME - 5 }))).principal?.actor).toBe("dana");
  });

  it("refused, as no valid token, when signed with another secret or another algorithm, or altered", async () => {
    const invalid = /^the bearer token is not a valid API key or JWT$/;
    expect((await outcome(fresh(), "another-secret-another-secret-another-secret")).problem).toMatch(invalid);
    const hs512 = await new SignJWT(fresh()).setProtectedHeader({ alg: "HS512" }).sign(new TextEncoder().encode(SECRET));
    expect((await authenticate(`Bearer ${hs512}`, settings)).problem).toMatch(invalid);
    const [header, payload, signature] = (await signJwt(fresh(), SECRET)).split(".");
    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const widened = Buffer.from(JSON.stringify(fresh({ scope: "read write" }))).toString("base64url");
    for (const forged of [`${none}.${payload}.`, `${none}.${payload}.${signature}`, `${header}.${widened}.${signature}`]) {
      expect((await authenticate(`Bearer ${forged}`, settings)).problem).toMatch(invalid);
    }
  });

  it("refused when it has no exp, or has expired, or is not yet valid", async () => {
    expect(await problemOf(fresh({ exp: undefined }))).toMatch(/missing required "exp" claim/);
    expect(await problemOf(fresh({ exp: now() - 1 }))).toMatch(/the JWT has expired/);
    expect(await problemOf(fresh({ nbf: now() + 60 }))).toMatch(/"nbf" claim timestamp check failed/);
  });

  it("refused when it would be valid for longer than JWT_MAX_LIFETIME_SECONDS, counted from iat or from now", async () => {
    const tooLong = /valid for longer than 3600 s \(JWT_MAX_LIFETIME_SECONDS\)/;
    expect(await problemOf(fresh({ exp: now() + MAX_LIFETIME + 60 }))).toMatch(tooLong);
    expect(await problemOf(fresh({ iat: now() - 120, exp: now() + MAX_LIFETIME - 60 }))).toMatch(tooLong);
    expect(await problemOf(fresh({ iat: undefined, exp: now() + MAX_LIFETIME + 60 }))).toMatch(tooLong);
    // An iat in the future does not stretch it.
    expect(await problemOf(fresh({ iat: now() + 10 * MAX_LIFETIME, exp: now() + 10 * MAX_LIFETIME + 60 }))).toMatch(tooLong);
  });

  it.each([
    ["exp as a string (it used to be ignored, so the token never expired)", { exp: String(now() - 60) }, /"exp" claim must be a number/],
    ["nbf as a string", { nbf: String(now() + 600) }, /"nbf" claim must be a number/],
    ["iat as a string", { iat: String(now()) }, /"iat" claim must be a number/],
    ["no sub", { sub: undefined }, /missing required "sub" claim/],
    ["sub not a string", { sub: 42 }, /"sub" claim must be a string/],
    ["sub empty", { sub: "" }, /"sub" claim must not be empty/],
    ["scope not a string", { scope: ["read", "write"] }, /"scope" claim must be a string/],
    ["scope with an unknown permission", { scope: "read admin" }, /"scope" claim must list read and\/or write/],
  ])("refused with a wrongly typed claim: %s", async (_what, claims, problem) => {
    expect(await problemOf(fresh(claims))).toMatch(problem);
  });
});

describe("READS_REQUIRE_AUTH", () => {
  const api = useApi({
    API_KEYS: [parseApiKey(`alice:write:${sha256(WRITER)}`), parseApiKey(`bob:read:${sha256(READER)}`)],
    JWT_SECRET: SECRET,
    READS_REQUIRE_AUTH: true,
  });
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

  it("refuses a JWT without exp, or with exp as a string, naming the problem; answers one that expires", async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [claims, problem] of [
      [{ sub: "erin", scope: "read" }, /missing required "exp" claim/],
      [{ sub: "erin", scope: "read", exp: String(now - 60) }, /"exp" claim must be a number/],
    ] as const) {
      const res = await api.query(query, {}, await signJwt(claims, SECRET));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.errors?.[0]?.message).toMatch(problem);
    }
    expect((await api.query(query, {}, await signJwt({ sub: "erin", scope: "read", exp: now + 60 }, SECRET))).data).toEqual({
      person: { id: "steve-witkoff" },
    });
  });

  it("still lets only write permission write", async () => {
    const res = await api.query(`mutation { retractClaim(input: {claimId: "x#claim-1", reason: "r"}) { errors { code } } }`, {}, READER);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
