/**
 * One source's claim about a meeting, with everything that qualifies it: how the source hedges
 * it, whose account it relays, whether a curator inferred it, and whether it is the preferred
 * value or believed wrong. The passage it rests on is its title.
 */
import { graphql } from "../__generated__";
import type { ClaimFieldsFragment } from "../__generated__/graphql";
import { formatClaimValue, forReaders } from "../format";
import { DurationText } from "./Duration";
import { EvidenceMarker, HedgeWord } from "./Evidence";
import { Marker } from "./Marker";
import { PlaceByIdText } from "./Place";
import { claimantLabel } from "./Source";

export const ClaimFields = graphql(`
  fragment ClaimFields on Claim {
    id
    field
    value
    wording
    excerpt
    basis
    note
    hedge
    rank
    rankReason
    claimant {
      id
      name
    }
    duration {
      ...DurationFields
    }
    source {
      id
      publisher
      title
    }
  }
`);

function RankMarker({ claim }: { claim: ClaimFieldsFragment }) {
  if (claim.rank === "PREFERRED") {
    return (
      <Marker
        label="preferred"
        explanation={claim.rankReason ?? "The value the graph shows for the meeting, among its sources' claims."}
        className="rank preferred"
      />
    );
  }
  if (claim.rank === "DEPRECATED") {
    return (
      <Marker
        label="believed wrong"
        explanation={claim.rankReason ?? "Believed wrong by the curator; kept to show what the source said."}
        className="rank deprecated"
      />
    );
  }
  return null;
}

export function ClaimValue({ claim }: { claim: ClaimFieldsFragment }) {
  return (
    <div className={`claim ${claim.rank.toLowerCase()}`} title={claim.excerpt ? forReaders(claim.excerpt) : undefined} data-claim-id={claim.id}>
      {claim.duration ? (
        <DurationText duration={claim.duration} />
      ) : (
        <span className="value">
          <HedgeWord hedge={claim.hedge} />
          {claim.field === "place" ? <PlaceByIdText id={claim.value} /> : formatClaimValue(claim.field, claim.value)}
        </span>
      )}
      {claim.wording && claim.wording !== claim.value && <q>{claim.wording}</q>}
      <RankMarker claim={claim} />
      <EvidenceMarker basis={claim.basis} note={claim.note} />
      {claim.claimant && <div className="claimant">{claimantLabel(claim.claimant, claim.source)}</div>}
    </div>
  );
}
