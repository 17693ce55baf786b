/**
 * People mentioned: names (compromise's proper nouns and people), surnames of names given
 * earlier, and role-only phrases ("the Russian president"), each resolved against the graph's
 * names and aliases, then against the roles the article itself gives, or proposed as new.
 */
import nlp from "compromise";
import type { GraphLookup, PersonCandidate } from "./lookup.js";
import { roleAfter, roleBefore, roleCountry, roleHead, rolePhrases, type RolePhrase } from "./roles.js";
import { datelines, inside, normalize, quotedSpans, slug, type Span } from "./text.js";
import { DEMONYMS, HEAD_OF_STATE, NOT_A_PERSON, TITLE_WORDS } from "./vocabulary.js";

export interface PersonRef {
  key: string;
  id: string;
  /** The graph's person, when resolved against it. */
  existing: PersonCandidate | null;
  name: string;
  countryIds: string[];
}

export interface PersonMention extends Span {
  text: string;
  person: PersonRef;
  /** "Trump's": the mention describes someone else, so it names no participant or speaker. */
  possessive: boolean;
  /** Inside a quotation: the speaker's words, not the article's. */
  quoted: boolean;
  /** A role-only mention ("the envoy"), resolved by what the role names. */
  byRole: boolean;
  confidence: number;
  reason: string;
  /** Set when the mention was resolved by reasoning (a role, a surname): why it is this person. */
  note: string | null;
  /** The role phrase given beside the name, if any. */
  role: RolePhrase | null;
}

interface NameSpan extends Span {
  text: string;
  possessive: boolean;
  taggedPerson: boolean;
}

const ALL_CAPS_DATELINE = /^[\p{Lu}\s.]+$/u;
const CALENDAR =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A proper-noun span reduced to the name: titles and nationalities before it, possessive and punctuation after it, dropped. */
function cleanName(text: string, start: number, taggedPerson: boolean, source: string): NameSpan | null {
  let s = start;
  let e = start + text.length;
  while (e > s && /[\s.,;:!?)”"]/.test(source[e - 1]!) && !/\b[A-Z]\.$/.test(source.slice(s, e))) e--;
  let possessive = false;
  const tail = /['’]s$/.exec(source.slice(s, e));
  if (tail) {
    e -= tail[0].length;
    possessive = true;
  } else if (/^['’]s\b/.test(source.slice(e, e + 3))) possessive = true;
  for (;;) {
    const word = /^([\p{L}.-]+)\s+/u.exec(source.slice(s, e));
    if (!word) break;
    const lower = word[1]!.toLowerCase();
    if (!TITLE_WORDS.has(lower) && !(lower in DEMONYMS)) break;
    s += word[0].length;
  }
  const name = source.slice(s, e);
  if (name.length < 2 || !/^\p{Lu}/u.test(name) || NOT_A_PERSON.test(name) || CALENDAR.test(name) || ALL_CAPS_DATELINE.test(name)) return null;
  if (TITLE_WORDS.has(name.toLowerCase()) || name.toLowerCase() in DEMONYMS) return null;
  return { start: s, end: e, text: name, possessive, taggedPerson };
}

function nameSpans(text: string): NameSpan[] {
  const doc = nlp(text);
  const filedFrom = datelines(text);
  const tagged = doc.people().json({ offset: true }) as { text: string; offset: { start: number } }[];
  const proper = doc.match("#ProperNoun+").json({ offset: true }) as { text: string; offset: { start: number } }[];
  const taggedStarts = tagged.map((t) => ({ start: t.offset.start, end: t.offset.start + t.text.length }));
  const spans = new Map<number, NameSpan>();
  for (const { text: t, offset } of [...tagged, ...proper]) {
    // compromise's text can differ from the source in whitespace: re-read it from the offsets.
    let start = offset.start;
    // A dateline ("MIAMI (Reuters) – Rubio …") names where the report was filed: a name starts after it.
    const dateline = filedFrom.find((d) => d.start <= start && start < d.end);
    if (dateline) start = dateline.end;
    if (start >= offset.start + t.length) continue;
    const raw = text.slice(start, offset.start + t.length);
    const isTagged = taggedStarts.some((p) => p.start < offset.start + t.length && offset.start < p.end);
    // "Putin and Trump" stays two names; a proper-noun run can hold a comma ("Woodside, California").
    let at = start;
    for (const part of raw.split(/(,\s+|\s+and\s+|\s+[–—]\s+|\n+)/)) {
      if (!/^(,\s+|\s+and\s+|\s+[–—]\s+|\n+)$/.test(part)) {
        const name = cleanName(part, at, isTagged, text);
        if (name && !spans.has(name.start)) spans.set(name.start, name);
        else if (name && isTagged) spans.set(name.start, { ...spans.get(name.start)!, taggedPerson: true });
      }
      at += part.length;
    }
  }
  return [...spans.values()].sort((a, b) => a.start - b.start);
}

const newPerson = (name: string): PersonRef => ({ key: `person:${slug(name)}`, id: slug(name), existing: null, name, countryIds: [] });
const graphPerson = (p: PersonCandidate): PersonRef => ({ key: `person:${p.id}`, id: p.id, existing: p, name: p.name, countryIds: p.countryIds });

/** The role-phrase suffixes to look up as aliases, longest first: "President Donald Trump's special envoy", "Trump's special envoy", …, "envoy". */
function aliasPhrases(text: string, phrase: RolePhrase): string[] {
  const words = text.slice(phrase.start, phrase.end).split(/\s+/);
  const result = words.map((_, i) => words.slice(i).join(" "));
  if (phrase.determiner === "the") result.push(`the ${phrase.title}`);
  return result;
}

/** Everyone the text mentions, in text order. */
export async function findPeople(text: string, lookup: GraphLookup, headlines: readonly Span[] = []): Promise<PersonMention[]> {
  const quotes = quotedSpans(text);
  const names = nameSpans(text);
  // In a headline every word is capitalized: only names known elsewhere count there.
  const inHeadline = (span: Span) => inside(span, headlines);
  const nameStarts = new Set(names.map((n) => n.start));
  const roles = rolePhrases(text).filter((r) => {
    // A role followed by a name is that name's title, handled with the name.
    const next = text.slice(r.end, r.end + 3);
    return !names.some((n) => n.start >= r.end && n.start <= r.end + 2) && !/^,\s*\p{Lu}/u.test(next) && !nameStarts.has(r.start);
  });
  const rolePhraseTexts = roles.flatMap((r) => aliasPhrases(text, r));
  const found = await lookup.people([...names.map((n) => n.text), ...rolePhraseTexts]);

  const mentions: PersonMention[] = [];
  const byName = new Map<string, PersonRef>();
  const mention = (
    span: Span & { text: string; possessive: boolean },
    person: PersonRef,
    how: Pick<PersonMention, "confidence" | "reason" | "note" | "byRole" | "role">,
  ) => mentions.push({ start: span.start, end: span.end, text: span.text, possessive: span.possessive, quoted: inside(span, quotes), person, ...how });

  for (const name of names) {
    const before = text.slice(0, name.start);
    const role = roleBefore(before, 0) ?? roleAfter(text.slice(name.end), name.end);
    const candidates = found.get(name.text) ?? [];
    if (candidates.length > 0) {
      const person = graphPerson(candidates[0]!);
      byName.set(normalize(name.text), person);
      const exact = normalize(candidates[0]!.name) === normalize(name.text);
      mention(name, person, {
        confidence: candidates.length === 1 ? (exact ? 0.95 : 0.85) : 0.5,
        reason: `${exact ? "name" : "alias"} "${name.text}" matches ${person.id} in the graph${candidates.length > 1 ? ` (one of ${candidates.length} people with it)` : ""}`,
        note: null,
        byRole: false,
        role,
      });
      continue;
    }
    const words = name.text.split(/\s+/);
    const earlier = [...byName.entries()].find(([full]) => words.length === 1 && full.split(" ").length > 1 && full.split(" ").includes(normalize(name.text)));
    if (earlier) {
      mention(name, earlier[1], {
        confidence: 0.85,
        reason: `"${name.text}" is part of the name ${earlier[1].name} given earlier`,
        note: null,
        byRole: false,
        role,
      });
    } else if ((name.taggedPerson || role !== null) && words.length > 1 && words.length <= 4 && !inHeadline(name)) {
      const person = newPerson(name.text);
      byName.set(normalize(name.text), person);
      const why = name.taggedPerson ? `compromise tags "${name.text}" as a person's name` : `"${name.text}" follows the role "${role!.title}"`;
      mention(name, person, { confidence: 0.7, reason: `${why}; the graph has no one by it`, note: null, byRole: false, role });
    }
  }

  // A part of the name of someone named in full earlier ("Pompeo", "Xi") is them wherever it
  // stands, also where compromise does not tag it as a name, unless it is part of another's name too.
  const named = [...new Set(byName.values())];
  const nameParts = (p: PersonRef) => p.name.split(/\s+/).filter((w) => /^\p{Lu}\p{L}+$/u.test(w));
  for (const person of named) {
    const first = mentions.find((m) => m.person.key === person.key)!;
    const parts = nameParts(person).filter((w) => !named.some((other) => other !== person && nameParts(other).includes(w)));
    if (nameParts(person).length < 2) continue;
    for (const part of parts) {
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}-])${part}(?![\\p{L}-])`, "gu"))) {
        const span = {
          start: m.index,
          end: m.index + part.length,
          text: part,
          possessive: /^['’]s\b/.test(text.slice(m.index + part.length, m.index + part.length + 3)),
        };
        if (span.start < first.end || mentions.some((x) => x.start < span.end && span.start < x.end) || inHeadline(span)) continue;
        mention(span, person, {
          confidence: 0.8,
          reason: `"${part}" is part of the name of ${person.name}, named earlier`,
          note: null,
          byRole: false,
          role: null,
        });
      }
    }
  }

  // The roles the article gives its people, for role-only mentions of them ("the Chinese leader").
  const articleRoles = mentions.filter((m) => m.role !== null).map((m) => ({ person: m.person, title: m.role!.title }));
  for (const role of roles) {
    const phrases = aliasPhrases(text, role);
    const hit = phrases.map((p) => ({ p, c: found.get(p) ?? [] })).find((x) => x.c.length === 1);
    const span = { start: role.start, end: role.end, text: text.slice(role.start, role.end), possessive: /^['’]s\b/.test(text.slice(role.end, role.end + 3)) };
    if (hit) {
      mention(span, graphPerson(hit.c[0]!), {
        confidence: 0.8,
        reason: `role phrase "${hit.p}" is an alias of ${hit.c[0]!.id} in the graph`,
        note: `"${span.text}" names no one; the graph knows "${hit.p}" as ${hit.c[0]!.name}`,
        byRole: true,
        role,
      });
      continue;
    }
    const country = roleCountry(role.title);
    const head = roleHead(role.title);
    const same = articleRoles.filter(
      (r) => roleCountry(r.title) === country && (roleHead(r.title) === head || (HEAD_OF_STATE.has(roleHead(r.title)) && HEAD_OF_STATE.has(head))),
    );
    const people = [...new Set(same.map((r) => r.person.key))];
    if (role.determiner === "the" && people.length === 1 && role.start > mentions.find((m) => m.person.key === people[0])!.start) {
      const person = same[0]!.person;
      mention(span, person, {
        confidence: 0.7,
        reason: `role phrase "${span.text}" matches the role "${same[0]!.title}" the article gives ${person.name}`,
        note: `"${span.text}" names no one; earlier the article calls ${person.name} "${same[0]!.title}"`,
        byRole: true,
        role: null,
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The distinct people of some mentions, in order of first mention. */
export const distinctPeople = (mentions: readonly PersonMention[]) => [...new Map(mentions.map((m) => [m.person.key, m.person])).values()];
