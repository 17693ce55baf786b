/** The words the rules recognize: titles, nationalities, role heads. Lowercase. */

/** Nationality adjectives, with the country they point to (ISO alpha-2). */
export const DEMONYMS: Record<string, string> = {
  russian: "RU", american: "US", "u.s.": "US", "united states": "US", chinese: "CN", ukrainian: "UA", british: "GB", french: "FR", german: "DE",
  finnish: "FI", belarusian: "BY", turkish: "TR", indian: "IN", japanese: "JP", "north korean": "KP", "south korean": "KR", korean: "KR",
  israeli: "IL", iranian: "IR", saudi: "SA", polish: "PL", italian: "IT", canadian: "CA", european: "EU", irish: "IE", belgian: "BE", swiss: "CH",
};

/** Words that name an office or a relation, ending a role phrase ("special envoy", "senior foreign policy adviser"). */
export const ROLE_HEADS = [
  "prime minister", "foreign minister", "defense minister", "defence minister", "secretary of state", "national security adviser", "secretary-general",
  "president", "vice president", "leader", "envoy", "adviser", "advisor", "aide", "chancellor", "premier", "spokesman", "spokeswoman", "spokesperson",
  "minister", "secretary", "ambassador", "son-in-law", "counterpart", "host", "chairman", "head",
];

/** Words that qualify a role head ("senior", "special", "Kremlin"). */
export const ROLE_QUALIFIERS = ["senior", "chief", "top", "special", "deputy", "foreign", "policy", "foreign-policy", "national", "security", "economic", "presidential", "kremlin", "white", "house", "state", "former"];

/** Leading words of a proper-noun sequence that are titles, not part of the name. */
export const TITLE_WORDS = new Set([
  "president", "presidents", "vice", "prime", "minister", "foreign", "secretary", "state", "of", "special", "envoy", "senator", "sen.", "chancellor", "premier",
  "king", "queen", "prince", "general", "gen.", "leader", "chairman", "mr.", "mrs.", "ms.", "dr.", "aide", "adviser", "advisor", "spokesman", "spokeswoman",
  "ambassador", "kremlin", "white", "house", "defense", "defence", "envoys", "officials", "delegation", "speaker", "treasury", "director",
]);

/** Head-of-state words that name the same office ("the Chinese leader" is the Chinese president). */
export const HEAD_OF_STATE = new Set(["president", "leader", "head of state"]);

/** Words that make a capitalized phrase something other than a person (organizations, events). */
export const NOT_A_PERSON = /\b(Kremlin|House|Embassy|Ministry|Department|Council|Union|Nations|NATO|Summit|Library|Palace|Fund|Center|Centre|Bank|News|Media|Press|Times|Post|Agency|Office|Administration|Estate|Hall|Center)\b/;
