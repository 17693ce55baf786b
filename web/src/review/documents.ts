/** What the review pages ask of the API and send to it (schema/proposal.graphql). */
import { graphql } from "../__generated__";

export const ProposalRefFields = graphql(`
  fragment ProposalRefFields on ProposalRef {
    id
    proposal {
      id
    }
  }
`);

export const ProposalFields = graphql(`
  fragment ProposalFields on Proposal {
    id
    kind
    status
    summary
    excerpt
    start
    end
    confidence
    reason
    basis
    note
    dependsOn {
      id
    }
    meeting {
      id
    }
    known {
      id
      how
      fromThisSource
    }
    contradicts {
      id
      how
    }
    person {
      id
      existingId
      name
      aliases
      description
    }
    place {
      id
      existingId
      name
      kind
      within {
        ...ProposalRefFields
      }
    }
    proposedMeeting {
      id
      existingId
      title
      date
      dateEnd
      place {
        ...ProposalRefFields
      }
      participants {
        ...ProposalRefFields
      }
    }
    participation {
      person {
        ...ProposalRefFields
      }
      role
    }
    duration {
      wording
      figureMinutes
      minMinutes
      maxMinutes
      bound
      hedge
    }
    statement {
      existingId
      speaker {
        ...ProposalRefFields
      }
      text
      kind
      saidOn
      occasion
    }
    claim {
      field
      value
      wording
      hedge
    }
    role {
      person {
        ...ProposalRefFields
      }
      title
    }
    relation {
      from {
        ...ProposalRefFields
      }
      to {
        ...ProposalRefFields
      }
      kind
    }
    decidedBy
    decidedAt
    rejectionReason
    edits
    became
  }
`);

export const ReviewArticleQuery = graphql(`
  query ReviewArticle($sourceId: ID!) {
    source(id: $sourceId) {
      id
      title
      publisher
      publishedOn
      datePrecision
      url
      text
    }
  }
`);

export const ReviewProposalsQuery = graphql(`
  query ReviewProposals($sourceId: ID!, $after: String) {
    proposals(filter: { sourceId: $sourceId }, first: 100, after: $after) {
      totalCount
      edges {
        node {
          ...ProposalFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Another curator's decisions on this article's proposals (and proposals made again), as they commit. */
export const ProposalsChangedSubscription = graphql(`
  subscription ProposalsChanged($sourceId: ID!) {
    proposalsChanged(sourceId: $sourceId) {
      change
      actor
      at
      proposals {
        ...ProposalFields
      }
    }
  }
`);

export const IngestedSourcesQuery = graphql(`
  query IngestedSources($after: String) {
    ingestedSources(first: 100, after: $after) {
      totalCount
      edges {
        node {
          source {
            id
            title
            publisher
            publishedOn
            datePrecision
          }
          pending
          accepted
          rejected
          alreadyKnown
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AcceptProposalsMutation = graphql(`
  mutation AcceptProposals($ids: [ID!]!, $edits: [ProposalEdit!]) {
    acceptProposals(ids: $ids, edits: $edits) {
      proposals {
        ...ProposalFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const RejectProposalsMutation = graphql(`
  mutation RejectProposals($ids: [ID!]!, $reason: String) {
    rejectProposals(ids: $ids, reason: $reason) {
      proposals {
        ...ProposalFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const IngestArticleMutation = graphql(`
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      source {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const PickerSearchQuery = graphql(`
  query PickerSearch($query: String!) {
    search(query: $query, first: 10) {
      __typename
      ... on Person {
        id
        name
        aliases
      }
      ... on Place {
        id
        name
        kind
        within {
          name
        }
        country {
          name
        }
      }
    }
  }
`);
