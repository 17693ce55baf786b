/**
 * The longest ids and texts the graph takes, from the seed files and the API alike (docs/graph-model.md,
 * "Ids and text"). Ids are kept far below Neo4j's index key size: derived ids and lock keys join
 * two of them (`<statementId>#<sourceId>`, `Meeting:<id>`), and an id too long for the index fails its write.
 */
export const MAX_ID_LENGTH = 200;
/** Names, titles, kinds, aliases, wordings and claim values. */
export const MAX_NAME_LENGTH = 1_000;
/** Excerpts, statement texts, outcomes, descriptions and notes. */
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_URL_LENGTH = 2_000;
/**
 * An id in an argument may be a derived one, which joins two ids and a counter; a longer one
 * names nothing the graph can hold.
 */
export const MAX_ID_ARGUMENT_LENGTH = 2 * MAX_ID_LENGTH + 100;
