import { badUserInput } from "./errors.js";

/** Drops null and undefined fields, so equal filters make equal loader keys and Cypher sees missing as null. */
export function compact<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/** A non-empty list of ids without repeats; `argument` names it in the error. */
export function idList(ids: readonly string[], argument: string): string[] {
  if (ids.length === 0) throw badUserInput(argument, "must list at least one id");
  return [...new Set(ids)];
}

/** Blank text means "no condition"; otherwise lower-cased with typographic apostrophes made plain, as the Cypher compares. */
export function searchText(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? normalizeText(trimmed) : undefined;
}

export const normalizeText = (text: string) => text.toLowerCase().replaceAll("\u2019", "'");

/** The same normalization in Cypher, for the stored side of a comparison. */
export const normalizedCypher = (expression: string) => `replace(toLower(${expression}), '\u2019', "'")`;
