/**
 * The curator's credentials (an API key or a JWT) for this browser tab only: sessionStorage,
 * never localStorage, so closing the tab forgets them, and "sign out" does at once. Every request
 * sends them as `Authorization: Bearer …` once signed in; reads need none unless the server says so.
 */
import { useSyncExternalStore } from "react";
import { setBearerTokenSource } from "../api";

const storageKey = "meetgraph.bearerToken";
const listeners = new Set<() => void>();

function readToken(): string | null {
  return window.sessionStorage.getItem(storageKey);
}

setBearerTokenSource(readToken);

function notify(): void {
  for (const listener of listeners) listener();
}

export function signIn(token: string): void {
  window.sessionStorage.setItem(storageKey, token.trim());
  notify();
}

export function signOut(): void {
  window.sessionStorage.removeItem(storageKey);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token the tab is signed in with, or null; re-renders on sign-in and sign-out. */
export function useBearerToken(): string | null {
  return useSyncExternalStore(subscribe, readToken);
}

/** What kind of credential it is, for the sign-in panel: JWTs are three dot-separated base64url parts. */
export function credentialKind(token: string): "JWT" | "API key" {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token) ? "JWT" : "API key";
}
