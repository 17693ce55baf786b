/**
 * The article's text cut where any proposal's excerpt starts or ends, so overlapping excerpts (a
 * meeting's sentence holds its participants' names) each stay visible: every piece knows which
 * proposals cover it, innermost (shortest excerpt) first.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Piece {
  start: number;
  text: string;
  /** Ids of the proposals whose excerpt covers the piece, the shortest excerpt first. */
  covering: string[];
}

export function cutText(text: string, spans: readonly Span[]): Piece[] {
  const inText = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const cuts = [...new Set([0, text.length, ...inText.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const byLength = [...inText].sort((a, b) => a.end - a.start - (b.end - b.start));
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    pieces.push({ start, text: text.slice(start, end), covering: byLength.filter((span) => span.start <= start && span.end >= end).map((span) => span.id) });
  }
  return pieces;
}
