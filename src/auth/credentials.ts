/**
 * Who is calling: a bearer token checked against the API keys from the environment (stored as
 * SHA-256 hashes, compared in constant time) or, when a secret is configured, an HS256 JWT (verified by jose).
 * Reads are public unless READS_REQUIRE_AUTH is set; writes always need a token with write permission.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";
import { errors as joseErrors, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { z } from "zod";

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
  /** The longest a JWT may be valid, in seconds (JWT_MAX_LIFETIME_SECONDS). */
  JWT_MAX_LIFETIME_SECONDS: number;
}

/** An authenticated caller. `actor` is what the audit trail records. */
export interface Principal {
  actor: string;
  via: "api-key" | "jwt" | "command-line";
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

/** A JWT's subject is the actor every audit entry records. */
const MAX_SUBJECT_LENGTH = 200;
const PERMISSIONS = ["read", "write"] as const;

/**
 * The claims this service reads, each of the right type (jose has checked exp, nbf and iat are
 * numbers): `sub` the actor, `scope` the permissions, space-separated.
 */
const jwtClaims = z.object({
  sub: z
    .string({ error: 'the "sub" claim must be a string' })
    .min(1, { error: 'the "sub" claim must not be empty' })
    .max(MAX_SUBJECT_LENGTH, {
      error: `the "sub" claim must be at most ${MAX_SUBJECT_LENGTH} characters`,
    }),
  scope: z
    .string({ error: 'the "scope" claim must be a string' })
    .transform((scope) => scope.split(" "))
    .pipe(z.array(z.enum(PERMISSIONS, { error: `the "scope" claim must list ${PERMISSIONS.join(" and/or ")}, separated by spaces` })))
    .optional(),
});

/** What a JWT was: a principal, or why it is refused (null when it is not a JWT signed with the secret at all). */
type JwtOutcome = { principal: Principal; problem: null } | { principal: null; problem: string | null };

const secretBytes = (secret: string) => new TextEncoder().encode(secret);

let verificationKey: { secret: string; key: Promise<CryptoKey> } | undefined;
/** The secret imported once as a key: importing it for every token made each verification take twice as long. */
function hmacVerificationKey(secret: string): Promise<CryptoKey> {
  if (verificationKey?.secret !== secret) {
    verificationKey = { secret, key: crypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]) };
  }
  return verificationKey.key;
}

/**
 * An HS256 JWT, verified by jose: the signature, only HS256, `exp` required and in the future,
 * `nbf` honoured, and a lifetime (`exp` − `iat`, or `exp` − now without `iat`) of at most
 * `maxLifetimeSeconds`, so a leaked token cannot be good for years.
 */
export async function verifyJwt(token: string, secret: string, maxLifetimeSeconds: number, now = Date.now()): Promise<JwtOutcome> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await hmacVerificationKey(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "sub"],
      currentDate: new Date(now),
    }));
  } catch (error) {
    // Claims are checked only once the signature holds, so their problems can be told to the caller.
    if (error instanceof joseErrors.JWTExpired) return { principal: null, problem: "the JWT has expired" };
    if (error instanceof joseErrors.JWTClaimValidationFailed) return { principal: null, problem: `the JWT is not valid: ${error.message}` };
    return { principal: null, problem: null };
  }
  // From its issue, or from now when that is later or not given: an "iat" in the future must not stretch the token's life.
  const lifetime = payload.exp! - Math.min(payload.iat ?? Infinity, now / 1000);
  if (lifetime > maxLifetimeSeconds) {
    return { principal: null, problem: `the JWT is valid for longer than ${maxLifetimeSeconds} s (JWT_MAX_LIFETIME_SECONDS); mint one with an earlier "exp"` };
  }
  const claims = jwtClaims.safeParse(payload);
  if (!claims.success) return { principal: null, problem: `the JWT is not valid: ${claims.error.issues[0]!.message}` };
  const scopes: readonly string[] = claims.data.scope ?? [];
  const permissions: Permission[] = scopes.includes("write") ? ["read", "write"] : scopes.includes("read") ? ["read"] : [];
  return { principal: { actor: claims.data.sub, via: "jwt", permissions }, problem: null };
}

/** Signs `claims` as an HS256 JWT, as they are (set `exp`): for operators minting tokens and for the tests. */
export function signJwt(claims: Record<string, unknown>, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(secretBytes(secret));
}

const invalidToken = "the bearer token is not a valid API key or JWT";

/** Reads an `Authorization` header. No header is anonymous; anything else must be a valid bearer token. */
export async function authenticate(header: string | undefined, settings: AuthSettings): Promise<AuthState> {
  if (header === undefined || header.trim() === "") return anonymous;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { principal: null, problem: 'the Authorization header must be "Bearer <token>"' };
  const token = match[1]!;
  const principal = apiKeyPrincipal(token, settings.API_KEYS);
  if (principal) return { principal, problem: null };
  if (!settings.JWT_SECRET) return { principal: null, problem: invalidToken };
  const jwt = await verifyJwt(token, settings.JWT_SECRET, settings.JWT_MAX_LIFETIME_SECONDS);
  return jwt.principal ? jwt : { principal: null, problem: jwt.problem ?? invalidToken };
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
