/**
 * The text an article is stored as: plain text as given, HTML and Markdown reduced to their
 * readable text. Refuses what cannot be an article, with a code a client can act on.
 */

/** Articles longer than this are refused (TOO_LARGE): far above a long news article, well below what would slow extraction down. */
export const MAX_ARTICLE_BYTES = 200 * 1024;

export type ArticleTextCode = "EMPTY" | "TOO_LARGE" | "INVALID_ENCODING" | "BINARY";

export class ArticleTextError extends Error {
  override name = "ArticleTextError";
  constructor(
    readonly code: ArticleTextCode,
    message: string,
  ) {
    super(message);
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function decode(raw: string | Buffer): string {
  if (typeof raw === "string") return raw;
  if (raw.byteLength > MAX_ARTICLE_BYTES) throw tooLarge(raw.byteLength);
  try {
    return decoder.decode(raw).replace(/^\uFEFF/, "");
  } catch {
    throw new ArticleTextError("INVALID_ENCODING", "The article is not valid UTF-8: convert it to UTF-8 (e.g. with iconv) and send it again.");
  }
}

const tooLarge = (bytes: number) =>
  new ArticleTextError(
    "TOO_LARGE",
    `The article is ${bytes} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes (200 KB). Send the article's text alone, or split it.`,
  );

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  ldquo: "“",
  rdquo: "”",
  ndash: "–",
  mdash: "—",
  hellip: "…",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Block elements become line breaks so that paragraphs and list items stay apart.
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/?(p|div|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|tr|table|title)\b[^>]*>/gi, "\n")
      .replace(/<[^>]+>/g, ""),
  );
}

function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

/** The article's text to store: decoded, reduced from HTML or Markdown, line ends unified, trimmed. Throws ArticleTextError. */
export function articleText(raw: string | Buffer, format: "text" | "html" | "markdown" = "text"): string {
  const decoded = decode(raw);
  if (Buffer.byteLength(decoded, "utf8") > MAX_ARTICLE_BYTES) throw tooLarge(Buffer.byteLength(decoded, "utf8"));
  // Control characters other than tab and line ends do not occur in text: this is a binary file.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000e-\u001f]/.test(decoded)) {
    throw new ArticleTextError("BINARY", "The article looks like a binary file (it holds control characters): send its text, HTML or Markdown.");
  }
  const reduced = format === "html" ? htmlToText(decoded) : format === "markdown" ? markdownToText(decoded) : decoded;
  const text = reduced
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text === "") throw new ArticleTextError("EMPTY", "The article has no text: send the article's text (plain, HTML or Markdown).");
  return text;
}
