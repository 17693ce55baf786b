import { useMemo } from "react";
import { cutText } from "./spans";
import type { Proposal } from "./useReview";

/**
 * The article as stored, each proposal's excerpt highlighted (coloured by where the innermost
 * proposal stands). Choosing a highlight selects its innermost proposal; the selected proposal's
 * excerpt is outlined.
 */
export function ArticleText({
  text,
  proposals,
  selected,
  onSelect,
}: {
  text: string;
  proposals: readonly Proposal[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const pieces = useMemo(() => cutText(text, proposals), [text, proposals]);
  const statusOf = useMemo(() => new Map(proposals.map((proposal) => [proposal.id, proposal.status.toLowerCase().replace("_", "-")])), [proposals]);
  return (
    <div className="article-text" aria-label="Article text">
      {pieces.map((piece) => {
        const innermost = piece.covering[0];
        if (!innermost) return <span key={piece.start}>{piece.text}</span>;
        const isSelected = selected !== null && piece.covering.includes(selected);
        return (
          <mark
            key={piece.start}
            className={`span ${statusOf.get(innermost) ?? ""}${piece.covering.length > 1 ? " nested" : ""}${isSelected ? " selected" : ""}`}
            data-proposal-ids={piece.covering.join(" ")}
            role="button"
            tabIndex={0}
            title={`${piece.covering.length} proposal${piece.covering.length === 1 ? "" : "s"}: choose to show the innermost`}
            onClick={() => onSelect(innermost)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                onSelect(innermost);
              }
            }}
          >
            {piece.text}
          </mark>
        );
      })}
    </div>
  );
}
