/**
 * Role phrases: the office or relation the text gives a person, before the name ("Chinese
 * President Xi Jinping", "Trump's special envoy Steve Witkoff") or after it ("Yuri Ushakov,
 * Putin's senior foreign policy adviser,"), and role-only mentions ("the Russian president").
 */
import { DEMONYMS, ROLE_HEADS, ROLE_QUALIFIERS } from "./vocabulary.js";

const alternatives = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.]/g, "\\.")
        .replace(/-/g, "[- ]")
        .replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`),
    )
    .join("|");

const HEAD = `(?:${alternatives(ROLE_HEADS)})`;
const MODIFIER = `(?:${alternatives([...Object.keys(DEMONYMS), ...ROLE_QUALIFIERS])})`;
const OWNER = `((?:[\\p{Lu}][\\p{L}.-]*\\s+){0,3}[\\p{Lu}][\\p{L}.-]*)['’]s\\s+`;
/** "the", "his" or an owner's name, then modifiers and a head: "President Donald Trump's special envoy". */
const ROLE = `(?:([Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\\s+|${OWNER})?((?:${MODIFIER}\\s+){0,4}${HEAD}(?:\\s+and\\s+(?:${MODIFIER}\\s+){0,2}${HEAD})?)`;

export interface RolePhrase {
  /** Offsets of the whole phrase, owner included, into the text searched. */
  start: number;
  end: number;
  /** The office or relation: "special envoy", "senior foreign policy adviser". */
  title: string;
  /** A possessive owner named in the phrase ("Trump" in "Trump's special envoy"). */
  owner: string | null;
  /** "his"/"her": the owner is a person named before. */
  pronounOwner: boolean;
  determiner: string | null;
}

const toPhrase = (m: RegExpExecArray, offset: number): RolePhrase => ({
  start: offset + m.index + (m[0].length - m[0].trimStart().length),
  end: offset + m.index + m[0].trimEnd().replace(/,$/, "").length,
  title: m[3]!.trim(),
  owner: m[2]?.trim() ?? null,
  pronounOwner: m[1] !== undefined && /^(his|her|their)$/i.test(m[1]),
  determiner: m[1]?.toLowerCase() ?? null,
});

const BEFORE_NAME = new RegExp(`${ROLE},?\\s+$`, "u");
const AFTER_NAME = new RegExp(`^,\\s+${ROLE}\\b`, "u");

/** The role phrase just before a name (`before` is the text up to the name, `offset` where it starts). */
export function roleBefore(before: string, offset: number): RolePhrase | null {
  const window = before.slice(-120);
  const m = BEFORE_NAME.exec(window);
  if (!m) return null;
  // Only the last role phrase counts: "... envoy and his son-in-law, Jared Kushner" gives "his son-in-law".
  const phrase = toPhrase(m, offset + before.length - window.length);
  return phrase;
}

/** The appositive role phrase just after a name: ", Putin's senior foreign policy adviser". */
export function roleAfter(after: string, offset: number): RolePhrase | null {
  const m = AFTER_NAME.exec(after.slice(0, 120));
  if (!m || m[1]?.toLowerCase() === "a" || m[1]?.toLowerCase() === "an") return null;
  const phrase = toPhrase(m, offset);
  return { ...phrase, start: phrase.start + m[0].indexOf(m[0].replace(/^,\s+/, "")) };
}

const ROLE_ANYWHERE = new RegExp(`\\b${ROLE}\\b`, "gu");

/** Every role phrase in a text, for role-only mentions. */
export function rolePhrases(text: string): RolePhrase[] {
  return [...text.matchAll(ROLE_ANYWHERE)].map((m) => toPhrase(m as RegExpExecArray, 0));
}

/** The country a role's words point to ("Russian president" → RU), if any. */
export function roleCountry(title: string): string | null {
  const lower = title.toLowerCase();
  const found = Object.entries(DEMONYMS)
    .filter(([demonym]) => new RegExp(`(^|\\s)${demonym.replace(/\./g, "\\.")}(\\s|$)`).test(lower))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return found?.[1] ?? null;
}

/** The head word of a role title: "senior foreign policy adviser" → "adviser". */
export function roleHead(title: string): string {
  const lower = title.toLowerCase().replace(/\s+and\s+.*$/, "");
  return ROLE_HEADS.filter((h) => lower.endsWith(h.replace(/-/g, " ")) || lower.endsWith(h)).sort((a, b) => b.length - a.length)[0] ?? lower;
}
