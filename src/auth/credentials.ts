/**
 * Who is calling: a bearer token checked against the API keys from the environment (stored as
 * SHA-256 hashes, compared in constant time) or, when a secret is configured, an HS256 JWT.
 * Reads are public unless READS_REQUIRE_AUTH is set; writes always need a token with write permission.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";

export type Permission = "read" | "write";

/** One entry of API_KEYS: `name:permission:<sha256 hex of the key>`. */
export interface ApiKey {
  name: string;
  permission: Permission;
  /** SHA-256 of the secret key, 32 bytes. The key itself is never stored. */
  hash: Buffer;
}

/** What API_KEYS accepts, entry by entry. */
export const API_KEY_ENTRY = /^([A-Za-z0-9._@-]+):(read|write):([0-9a-fA-F]{64})$/;

export function parseApiKey(entry: string): ApiKey {
  const match = API_KEY_ENTRY.exec(entry);
  if (!match) throw new Error(`not an API key entry: ${entry}`);
  return { name: match[1]!, permission: match[2] as Permission, hash: Buffer.from(match[3]!, "hex") };
}

export interface AuthSettings {
  API_KEYS: ApiKey[];
  /** HS256 secret for JWTs; unset means JWTs are not accepted. */
  JWT_SECRET?: string | undefined;
}

/** An authenticated caller. `actor` is what the audit trail records. */
export interface Principal {
  actor: string;
  via: "api-key" | "jwt";
  permissions: Permission[];
}

/** The request's credentials: a principal, or why there is none (null when no token was sent). */
export interface AuthState {
  principal: Principal | null;
  problem: string | null;
}

export const anonymous: AuthState = { principal: null, problem: null };

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** Compares against every key (no early exit), so timing says nothing about which key nearly matched. */
function apiKeyPrincipal(token: string, keys: readonly ApiKey[]): Principal | null {
  const hash = sha256(token);
  let found: ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(hash, key.hash) && found === null) found = key;
  return found && { actor: found.name, via: "api-key", permissions: found.permission === "write" ? ["read", "write"] : ["read"] };
}

const base64urlJson = (part: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

const hmac = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest();

/**
 * An HS256 JWT's principal: signature checked in constant time, `exp`/`nbf` honoured, `sub` the
 * actor, permissions from `scope` (space-separated, "read" and/or "write"). Null when any check fails.
 */
export function verifyJwt(token: string, secret: string, now = Date.now()): Principal | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (base64urlJson(header)?.alg !== "HS256") return null;
  const expected = hmac(secret, `${header}.${payload}`);
  const actual = Buffer.from(signature, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const claims = base64urlJson(payload);
  if (!claims || typeof claims.sub !== "string" || claims.sub === "") return null;
  if (typeof claims.exp === "number" && now >= claims.exp * 1000) return null;
  if (typeof claims.nbf === "number" && now < claims.nbf * 1000) return null;
  const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : [];
  const permissions: Permission[] = scopes.includes("write") ? ["read", "write"] : scopes.includes("read") ? ["read"] : [];
  return { actor: claims.sub, via: "jwt", permissions };
}

/** Signs an HS256 JWT: for operators minting tokens and for the tests. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`;
  return `${unsigned}.${hmac(secret, unsigned).toString("base64url")}`;
}

/** Reads an `Authorization` header. No header is anonymous; anything else must be a valid bearer token. */
export function authenticate(header: string | undefined, settings: AuthSettings): AuthState {
  if (header === undefined || header.trim() === "") return anonymous;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { principal: null, problem: "the Authorization header must be \"Bearer <token>\"" };
  const token = match[1]!;
  const principal = apiKeyPrincipal(token, settings.API_KEYS) ?? (settings.JWT_SECRET ? verifyJwt(token, settings.JWT_SECRET) : null);
  return principal ? { principal, problem: null } : { principal: null, problem: "the bearer token is not a valid API key or JWT (or it has expired)" };
}

function authError(code: "UNAUTHENTICATED" | "FORBIDDEN", message: string, status: number) {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** The caller, who must hold `permission`: UNAUTHENTICATED without valid credentials, FORBIDDEN without the permission. */
export function requirePermission(auth: AuthState, permission: Permission, what: string): Principal {
  if (!auth.principal) {
    const reason = auth.problem ?? "no bearer token was sent";
    throw authError("UNAUTHENTICATED", `${what} needs a bearer token (an API key or a JWT): ${reason}.`, 401);
  }
  if (!auth.principal.permissions.includes(permission)) {
    throw authError("FORBIDDEN", `${what} needs ${permission} permission; "${auth.principal.actor}" does not have it.`, 403);
  }
  return auth.principal;
}
