/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ClaimFields on Claim {\n    id\n    field\n    value\n    wording\n    excerpt\n    basis\n    note\n    hedge\n    rank\n    rankReason\n    claimant {\n      id\n      name\n    }\n    duration {\n      ...DurationFields\n    }\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": typeof types.ClaimFieldsFragmentDoc,
    "\n  fragment ConflictFields on Conflict {\n    field\n    compatible\n    explanation\n    claims {\n      id\n      wording\n      value\n      source {\n        id\n        publisher\n        title\n      }\n      meeting {\n        id\n        title\n      }\n    }\n  }\n": typeof types.ConflictFieldsFragmentDoc,
    "\n  fragment CounterpartFields on Counterpart {\n    person {\n      id\n      name\n    }\n    meetingCount\n    time {\n      ...DurationSummaryFields\n    }\n    firstMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n    lastMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n  }\n": typeof types.CounterpartFieldsFragmentDoc,
    "\n  fragment DurationFields on Duration {\n    minutes\n    minMinutes\n    maxMinutes\n    figureMinutes\n    bound\n    hedge\n    wording\n  }\n": typeof types.DurationFieldsFragmentDoc,
    "\n  fragment DurationSummaryFields on DurationSummary {\n    minutes\n    minMinutes\n    maxMinutes\n    knownCount\n    approximateCount\n    unknownCount\n    consensusMinMinutes\n    consensusMaxMinutes\n    incompatibleCount\n  }\n": typeof types.DurationSummaryFieldsFragmentDoc,
    "\n  fragment SourceReferenceFields on SourceReference {\n    excerpt\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": typeof types.SourceReferenceFieldsFragmentDoc,
    "\n  fragment TimelineMeetingFields on Meeting {\n    id\n    title\n    heldOn\n    datePrecision\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n    }\n    participants {\n      person {\n        id\n        name\n      }\n    }\n  }\n": typeof types.TimelineMeetingFieldsFragmentDoc,
    "\n  fragment PersonSummaryFields on Person {\n    id\n    name\n    aliases\n    roles {\n      title\n    }\n    countries {\n      id\n      name\n    }\n  }\n": typeof types.PersonSummaryFieldsFragmentDoc,
    "\n  query PersonName($id: ID!) {\n    person(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.PersonNameDocument,
    "\n  query PeopleSearch($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.PeopleSearchDocument,
    "\n  fragment PlaceFields on Place {\n    id\n    name\n    within {\n      name\n    }\n    country {\n      name\n    }\n  }\n": typeof types.PlaceFieldsFragmentDoc,
    "\n  query PlaceName($id: ID!) {\n    place(id: $id) {\n      ...PlaceFields\n    }\n  }\n": typeof types.PlaceNameDocument,
    "\n  fragment RelationFields on PersonRelation {\n    kind\n    direction\n    person {\n      id\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n": typeof types.RelationFieldsFragmentDoc,
    "\n  fragment RoleFields on Role {\n    id\n    title\n    from\n    to\n    organization {\n      name\n    }\n    country {\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n": typeof types.RoleFieldsFragmentDoc,
    "\n  query SearchEverything($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      __typename\n      ... on Person {\n        ...PersonSummaryFields\n      }\n      ... on Meeting {\n        id\n        title\n        heldOn\n        datePrecision\n        place {\n          ...PlaceFields\n        }\n      }\n      ... on Statement {\n        id\n        text\n        quoted\n        madeOn\n        # Aliased: a meeting's datePrecision is never null, a statement's may be, and one selection cannot be both.\n        madeOnPrecision: datePrecision\n        speaker {\n          id\n          name\n        }\n        meeting {\n          id\n          title\n        }\n      }\n      ... on Place {\n        ...PlaceFields\n        kind\n      }\n      ... on Country {\n        id\n        name\n      }\n      ... on Organization {\n        id\n        name\n        kind\n        country {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchEverythingDocument,
    "\n  fragment SourceFields on Source {\n    id\n    title\n    publisher\n    publishedOn\n    datePrecision\n    url\n    kind\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  fragment StatementFields on Statement {\n    id\n    text\n    madeOn\n    datePrecision\n    occasion\n    speaker {\n      id\n      name\n    }\n    meeting {\n      id\n      title\n    }\n    wordings {\n      id\n      text\n      quoted\n      attributedTo\n      basis\n      note\n      source {\n        id\n        publisher\n        title\n      }\n    }\n  }\n": typeof types.StatementFieldsFragmentDoc,
    "\n  fragment TimeEstimateFields on TimeEstimate {\n    earliest\n    latest\n    wording\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": typeof types.TimeEstimateFieldsFragmentDoc,
    "\n  query TimeTogether($people: [ID!]!, $lead: ID!, $filter: MeetingFilter, $filtered: Boolean!) {\n    timeTogether(personIds: $people) @skip(if: $filtered) {\n      meetingCount\n      time {\n        ...DurationSummaryFields\n      }\n    }\n    person(id: $lead) @include(if: $filtered) {\n      counterparts(filter: $filter, orderBy: MEETING_COUNT, first: 100) {\n        person {\n          id\n        }\n        meetingCount\n        time {\n          ...DurationSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.TimeTogetherDocument,
    "\n  fragment MeetingPageFields on Meeting {\n    id\n    title\n    kind\n    heldOn\n    datePrecision\n    outcome\n    began {\n      ...TimeEstimateFields\n    }\n    ended {\n      ...TimeEstimateFields\n    }\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n      source {\n        ...SourceFields\n      }\n    }\n    durationConsensus {\n      minMinutes\n      maxMinutes\n      compatible\n      claimCount\n    }\n    participants {\n      person {\n        id\n        name\n      }\n      role\n      delegation {\n        id\n        name\n      }\n      sources {\n        ...SourceReferenceFields\n      }\n    }\n    statements {\n      ...StatementFields\n    }\n    sources {\n      ...SourceFields\n    }\n    claims {\n      ...ClaimFields\n    }\n    conflicts {\n      ...ConflictFields\n    }\n  }\n": typeof types.MeetingPageFieldsFragmentDoc,
    "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingPageFields\n    }\n  }\n": typeof types.MeetingPageDocument,
    "\n  subscription MeetingChanged($id: ID!) {\n    meetingChanged(id: $id) {\n      change\n      actor\n      at\n      claimIds\n      meeting {\n        ...MeetingPageFields\n      }\n    }\n  }\n": typeof types.MeetingChangedDocument,
    "\n  query MeetingsFound($filter: MeetingFilter, $first: Int, $after: String) {\n    meetings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TimelineMeetingFields\n        }\n      }\n    }\n  }\n": typeof types.MeetingsFoundDocument,
    "\n  query WhereChoices($country: ID!, $withCountry: Boolean!, $place: ID!, $withPlace: Boolean!) {\n    countries {\n      id\n      name\n    }\n    country(id: $country) @include(if: $withCountry) {\n      places {\n        id\n        name\n        within {\n          name\n        }\n      }\n    }\n    place(id: $place) @include(if: $withPlace) {\n      ...PlaceFields\n    }\n  }\n": typeof types.WhereChoicesDocument,
    "\n  query ConnectionPath($from: ID!, $to: ID!) {\n    connectionPath(fromId: $from, toId: $to, maxHops: 6) {\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      meeting {\n        id\n        title\n        heldOn\n        datePrecision\n      }\n    }\n  }\n": typeof types.ConnectionPathDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      ...PersonSummaryFields\n      roles {\n        ...RoleFields\n      }\n      relations {\n        ...RelationFields\n      }\n      counterparts(first: 100, orderBy: TIME_TOGETHER) {\n        ...CounterpartFields\n      }\n      counterpartCount\n    }\n  }\n": typeof types.PersonPageDocument,
    "\n  query PersonMeetings($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      meetings(first: $first, after: $after, orderBy: DATE_ASC) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...TimelineMeetingFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.PersonMeetingsDocument,
    "\n  query PersonStatements($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      statements(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...StatementFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.PersonStatementsDocument,
    "\n  query PlaceTree {\n    countries {\n      id\n      name\n      meetings(first: 0) {\n        totalCount\n      }\n      places {\n        id\n        name\n        kind\n        within {\n          id\n        }\n        meetings(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n": typeof types.PlaceTreeDocument,
    "\n  query Everyone($first: Int, $after: String) {\n    people(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.EveryoneDocument,
    "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      note\n      publishedBy {\n        id\n        name\n        country {\n          name\n        }\n      }\n      claims {\n        ...ClaimFields\n        meeting {\n          id\n          title\n        }\n      }\n      statements {\n        ...StatementFields\n      }\n    }\n  }\n": typeof types.SourcePageDocument,
    "\n  fragment ProposalRefFields on ProposalRef {\n    id\n    proposal {\n      id\n    }\n  }\n": typeof types.ProposalRefFieldsFragmentDoc,
    "\n  fragment ProposalFields on Proposal {\n    id\n    kind\n    status\n    summary\n    excerpt\n    start\n    end\n    confidence\n    reason\n    basis\n    note\n    dependsOn {\n      id\n    }\n    meeting {\n      id\n    }\n    known {\n      id\n      how\n      fromThisSource\n    }\n    contradicts {\n      id\n      how\n    }\n    person {\n      id\n      existingId\n      name\n      aliases\n      description\n    }\n    place {\n      id\n      existingId\n      name\n      kind\n      within {\n        ...ProposalRefFields\n      }\n    }\n    proposedMeeting {\n      id\n      existingId\n      title\n      date\n      dateEnd\n      place {\n        ...ProposalRefFields\n      }\n      participants {\n        ...ProposalRefFields\n      }\n    }\n    participation {\n      person {\n        ...ProposalRefFields\n      }\n      role\n    }\n    duration {\n      wording\n      figureMinutes\n      minMinutes\n      maxMinutes\n      bound\n      hedge\n    }\n    statement {\n      existingId\n      speaker {\n        ...ProposalRefFields\n      }\n      text\n      kind\n      saidOn\n      occasion\n    }\n    claim {\n      field\n      value\n      wording\n      hedge\n    }\n    role {\n      person {\n        ...ProposalRefFields\n      }\n      title\n    }\n    relation {\n      from {\n        ...ProposalRefFields\n      }\n      to {\n        ...ProposalRefFields\n      }\n      kind\n    }\n    decidedBy\n    decidedAt\n    rejectionReason\n    edits\n    became\n  }\n": typeof types.ProposalFieldsFragmentDoc,
    "\n  query ReviewArticle($sourceId: ID!) {\n    source(id: $sourceId) {\n      id\n      title\n      publisher\n      publishedOn\n      datePrecision\n      url\n      text\n    }\n  }\n": typeof types.ReviewArticleDocument,
    "\n  query ReviewProposals($sourceId: ID!, $after: String) {\n    proposals(filter: { sourceId: $sourceId }, first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...ProposalFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewProposalsDocument,
    "\n  subscription ProposalsChanged($sourceId: ID!) {\n    proposalsChanged(sourceId: $sourceId) {\n      change\n      actor\n      at\n      proposals {\n        ...ProposalFields\n      }\n    }\n  }\n": typeof types.ProposalsChangedDocument,
    "\n  query IngestedSources($after: String) {\n    ingestedSources(first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          source {\n            id\n            title\n            publisher\n            publishedOn\n            datePrecision\n          }\n          pending\n          accepted\n          rejected\n          alreadyKnown\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.IngestedSourcesDocument,
    "\n  mutation AcceptProposals($ids: [ID!]!, $edits: [ProposalEdit!]) {\n    acceptProposals(ids: $ids, edits: $edits) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AcceptProposalsDocument,
    "\n  mutation RejectProposals($ids: [ID!]!, $reason: String) {\n    rejectProposals(ids: $ids, reason: $reason) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RejectProposalsDocument,
    "\n  mutation IngestArticle($input: IngestArticleInput!) {\n    ingestArticle(input: $input) {\n      source {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.IngestArticleDocument,
    "\n  query PickerSearch($query: String!) {\n    search(query: $query, first: 10) {\n      __typename\n      ... on Person {\n        id\n        name\n        aliases\n      }\n      ... on Place {\n        id\n        name\n        kind\n        within {\n          name\n        }\n        country {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PickerSearchDocument,
};
const documents: Documents = {
    "\n  fragment ClaimFields on Claim {\n    id\n    field\n    value\n    wording\n    excerpt\n    basis\n    note\n    hedge\n    rank\n    rankReason\n    claimant {\n      id\n      name\n    }\n    duration {\n      ...DurationFields\n    }\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": types.ClaimFieldsFragmentDoc,
    "\n  fragment ConflictFields on Conflict {\n    field\n    compatible\n    explanation\n    claims {\n      id\n      wording\n      value\n      source {\n        id\n        publisher\n        title\n      }\n      meeting {\n        id\n        title\n      }\n    }\n  }\n": types.ConflictFieldsFragmentDoc,
    "\n  fragment CounterpartFields on Counterpart {\n    person {\n      id\n      name\n    }\n    meetingCount\n    time {\n      ...DurationSummaryFields\n    }\n    firstMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n    lastMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n  }\n": types.CounterpartFieldsFragmentDoc,
    "\n  fragment DurationFields on Duration {\n    minutes\n    minMinutes\n    maxMinutes\n    figureMinutes\n    bound\n    hedge\n    wording\n  }\n": types.DurationFieldsFragmentDoc,
    "\n  fragment DurationSummaryFields on DurationSummary {\n    minutes\n    minMinutes\n    maxMinutes\n    knownCount\n    approximateCount\n    unknownCount\n    consensusMinMinutes\n    consensusMaxMinutes\n    incompatibleCount\n  }\n": types.DurationSummaryFieldsFragmentDoc,
    "\n  fragment SourceReferenceFields on SourceReference {\n    excerpt\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": types.SourceReferenceFieldsFragmentDoc,
    "\n  fragment TimelineMeetingFields on Meeting {\n    id\n    title\n    heldOn\n    datePrecision\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n    }\n    participants {\n      person {\n        id\n        name\n      }\n    }\n  }\n": types.TimelineMeetingFieldsFragmentDoc,
    "\n  fragment PersonSummaryFields on Person {\n    id\n    name\n    aliases\n    roles {\n      title\n    }\n    countries {\n      id\n      name\n    }\n  }\n": types.PersonSummaryFieldsFragmentDoc,
    "\n  query PersonName($id: ID!) {\n    person(id: $id) {\n      id\n      name\n    }\n  }\n": types.PersonNameDocument,
    "\n  query PeopleSearch($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n": types.PeopleSearchDocument,
    "\n  fragment PlaceFields on Place {\n    id\n    name\n    within {\n      name\n    }\n    country {\n      name\n    }\n  }\n": types.PlaceFieldsFragmentDoc,
    "\n  query PlaceName($id: ID!) {\n    place(id: $id) {\n      ...PlaceFields\n    }\n  }\n": types.PlaceNameDocument,
    "\n  fragment RelationFields on PersonRelation {\n    kind\n    direction\n    person {\n      id\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n": types.RelationFieldsFragmentDoc,
    "\n  fragment RoleFields on Role {\n    id\n    title\n    from\n    to\n    organization {\n      name\n    }\n    country {\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n": types.RoleFieldsFragmentDoc,
    "\n  query SearchEverything($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      __typename\n      ... on Person {\n        ...PersonSummaryFields\n      }\n      ... on Meeting {\n        id\n        title\n        heldOn\n        datePrecision\n        place {\n          ...PlaceFields\n        }\n      }\n      ... on Statement {\n        id\n        text\n        quoted\n        madeOn\n        # Aliased: a meeting's datePrecision is never null, a statement's may be, and one selection cannot be both.\n        madeOnPrecision: datePrecision\n        speaker {\n          id\n          name\n        }\n        meeting {\n          id\n          title\n        }\n      }\n      ... on Place {\n        ...PlaceFields\n        kind\n      }\n      ... on Country {\n        id\n        name\n      }\n      ... on Organization {\n        id\n        name\n        kind\n        country {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SearchEverythingDocument,
    "\n  fragment SourceFields on Source {\n    id\n    title\n    publisher\n    publishedOn\n    datePrecision\n    url\n    kind\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  fragment StatementFields on Statement {\n    id\n    text\n    madeOn\n    datePrecision\n    occasion\n    speaker {\n      id\n      name\n    }\n    meeting {\n      id\n      title\n    }\n    wordings {\n      id\n      text\n      quoted\n      attributedTo\n      basis\n      note\n      source {\n        id\n        publisher\n        title\n      }\n    }\n  }\n": types.StatementFieldsFragmentDoc,
    "\n  fragment TimeEstimateFields on TimeEstimate {\n    earliest\n    latest\n    wording\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n": types.TimeEstimateFieldsFragmentDoc,
    "\n  query TimeTogether($people: [ID!]!, $lead: ID!, $filter: MeetingFilter, $filtered: Boolean!) {\n    timeTogether(personIds: $people) @skip(if: $filtered) {\n      meetingCount\n      time {\n        ...DurationSummaryFields\n      }\n    }\n    person(id: $lead) @include(if: $filtered) {\n      counterparts(filter: $filter, orderBy: MEETING_COUNT, first: 100) {\n        person {\n          id\n        }\n        meetingCount\n        time {\n          ...DurationSummaryFields\n        }\n      }\n    }\n  }\n": types.TimeTogetherDocument,
    "\n  fragment MeetingPageFields on Meeting {\n    id\n    title\n    kind\n    heldOn\n    datePrecision\n    outcome\n    began {\n      ...TimeEstimateFields\n    }\n    ended {\n      ...TimeEstimateFields\n    }\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n      source {\n        ...SourceFields\n      }\n    }\n    durationConsensus {\n      minMinutes\n      maxMinutes\n      compatible\n      claimCount\n    }\n    participants {\n      person {\n        id\n        name\n      }\n      role\n      delegation {\n        id\n        name\n      }\n      sources {\n        ...SourceReferenceFields\n      }\n    }\n    statements {\n      ...StatementFields\n    }\n    sources {\n      ...SourceFields\n    }\n    claims {\n      ...ClaimFields\n    }\n    conflicts {\n      ...ConflictFields\n    }\n  }\n": types.MeetingPageFieldsFragmentDoc,
    "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingPageFields\n    }\n  }\n": types.MeetingPageDocument,
    "\n  subscription MeetingChanged($id: ID!) {\n    meetingChanged(id: $id) {\n      change\n      actor\n      at\n      claimIds\n      meeting {\n        ...MeetingPageFields\n      }\n    }\n  }\n": types.MeetingChangedDocument,
    "\n  query MeetingsFound($filter: MeetingFilter, $first: Int, $after: String) {\n    meetings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TimelineMeetingFields\n        }\n      }\n    }\n  }\n": types.MeetingsFoundDocument,
    "\n  query WhereChoices($country: ID!, $withCountry: Boolean!, $place: ID!, $withPlace: Boolean!) {\n    countries {\n      id\n      name\n    }\n    country(id: $country) @include(if: $withCountry) {\n      places {\n        id\n        name\n        within {\n          name\n        }\n      }\n    }\n    place(id: $place) @include(if: $withPlace) {\n      ...PlaceFields\n    }\n  }\n": types.WhereChoicesDocument,
    "\n  query ConnectionPath($from: ID!, $to: ID!) {\n    connectionPath(fromId: $from, toId: $to, maxHops: 6) {\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      meeting {\n        id\n        title\n        heldOn\n        datePrecision\n      }\n    }\n  }\n": types.ConnectionPathDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      ...PersonSummaryFields\n      roles {\n        ...RoleFields\n      }\n      relations {\n        ...RelationFields\n      }\n      counterparts(first: 100, orderBy: TIME_TOGETHER) {\n        ...CounterpartFields\n      }\n      counterpartCount\n    }\n  }\n": types.PersonPageDocument,
    "\n  query PersonMeetings($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      meetings(first: $first, after: $after, orderBy: DATE_ASC) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...TimelineMeetingFields\n          }\n        }\n      }\n    }\n  }\n": types.PersonMeetingsDocument,
    "\n  query PersonStatements($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      statements(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...StatementFields\n          }\n        }\n      }\n    }\n  }\n": types.PersonStatementsDocument,
    "\n  query PlaceTree {\n    countries {\n      id\n      name\n      meetings(first: 0) {\n        totalCount\n      }\n      places {\n        id\n        name\n        kind\n        within {\n          id\n        }\n        meetings(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n": types.PlaceTreeDocument,
    "\n  query Everyone($first: Int, $after: String) {\n    people(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n": types.EveryoneDocument,
    "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      note\n      publishedBy {\n        id\n        name\n        country {\n          name\n        }\n      }\n      claims {\n        ...ClaimFields\n        meeting {\n          id\n          title\n        }\n      }\n      statements {\n        ...StatementFields\n      }\n    }\n  }\n": types.SourcePageDocument,
    "\n  fragment ProposalRefFields on ProposalRef {\n    id\n    proposal {\n      id\n    }\n  }\n": types.ProposalRefFieldsFragmentDoc,
    "\n  fragment ProposalFields on Proposal {\n    id\n    kind\n    status\n    summary\n    excerpt\n    start\n    end\n    confidence\n    reason\n    basis\n    note\n    dependsOn {\n      id\n    }\n    meeting {\n      id\n    }\n    known {\n      id\n      how\n      fromThisSource\n    }\n    contradicts {\n      id\n      how\n    }\n    person {\n      id\n      existingId\n      name\n      aliases\n      description\n    }\n    place {\n      id\n      existingId\n      name\n      kind\n      within {\n        ...ProposalRefFields\n      }\n    }\n    proposedMeeting {\n      id\n      existingId\n      title\n      date\n      dateEnd\n      place {\n        ...ProposalRefFields\n      }\n      participants {\n        ...ProposalRefFields\n      }\n    }\n    participation {\n      person {\n        ...ProposalRefFields\n      }\n      role\n    }\n    duration {\n      wording\n      figureMinutes\n      minMinutes\n      maxMinutes\n      bound\n      hedge\n    }\n    statement {\n      existingId\n      speaker {\n        ...ProposalRefFields\n      }\n      text\n      kind\n      saidOn\n      occasion\n    }\n    claim {\n      field\n      value\n      wording\n      hedge\n    }\n    role {\n      person {\n        ...ProposalRefFields\n      }\n      title\n    }\n    relation {\n      from {\n        ...ProposalRefFields\n      }\n      to {\n        ...ProposalRefFields\n      }\n      kind\n    }\n    decidedBy\n    decidedAt\n    rejectionReason\n    edits\n    became\n  }\n": types.ProposalFieldsFragmentDoc,
    "\n  query ReviewArticle($sourceId: ID!) {\n    source(id: $sourceId) {\n      id\n      title\n      publisher\n      publishedOn\n      datePrecision\n      url\n      text\n    }\n  }\n": types.ReviewArticleDocument,
    "\n  query ReviewProposals($sourceId: ID!, $after: String) {\n    proposals(filter: { sourceId: $sourceId }, first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...ProposalFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewProposalsDocument,
    "\n  subscription ProposalsChanged($sourceId: ID!) {\n    proposalsChanged(sourceId: $sourceId) {\n      change\n      actor\n      at\n      proposals {\n        ...ProposalFields\n      }\n    }\n  }\n": types.ProposalsChangedDocument,
    "\n  query IngestedSources($after: String) {\n    ingestedSources(first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          source {\n            id\n            title\n            publisher\n            publishedOn\n            datePrecision\n          }\n          pending\n          accepted\n          rejected\n          alreadyKnown\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.IngestedSourcesDocument,
    "\n  mutation AcceptProposals($ids: [ID!]!, $edits: [ProposalEdit!]) {\n    acceptProposals(ids: $ids, edits: $edits) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AcceptProposalsDocument,
    "\n  mutation RejectProposals($ids: [ID!]!, $reason: String) {\n    rejectProposals(ids: $ids, reason: $reason) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RejectProposalsDocument,
    "\n  mutation IngestArticle($input: IngestArticleInput!) {\n    ingestArticle(input: $input) {\n      source {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.IngestArticleDocument,
    "\n  query PickerSearch($query: String!) {\n    search(query: $query, first: 10) {\n      __typename\n      ... on Person {\n        id\n        name\n        aliases\n      }\n      ... on Place {\n        id\n        name\n        kind\n        within {\n          name\n        }\n        country {\n          name\n        }\n      }\n    }\n  }\n": types.PickerSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimFields on Claim {\n    id\n    field\n    value\n    wording\n    excerpt\n    basis\n    note\n    hedge\n    rank\n    rankReason\n    claimant {\n      id\n      name\n    }\n    duration {\n      ...DurationFields\n    }\n    source {\n      id\n      publisher\n      title\n    }\n  }\n"): typeof import('./graphql').ClaimFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConflictFields on Conflict {\n    field\n    compatible\n    explanation\n    claims {\n      id\n      wording\n      value\n      source {\n        id\n        publisher\n        title\n      }\n      meeting {\n        id\n        title\n      }\n    }\n  }\n"): typeof import('./graphql').ConflictFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CounterpartFields on Counterpart {\n    person {\n      id\n      name\n    }\n    meetingCount\n    time {\n      ...DurationSummaryFields\n    }\n    firstMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n    lastMeeting {\n      id\n      heldOn\n      datePrecision\n    }\n  }\n"): typeof import('./graphql').CounterpartFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DurationFields on Duration {\n    minutes\n    minMinutes\n    maxMinutes\n    figureMinutes\n    bound\n    hedge\n    wording\n  }\n"): typeof import('./graphql').DurationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DurationSummaryFields on DurationSummary {\n    minutes\n    minMinutes\n    maxMinutes\n    knownCount\n    approximateCount\n    unknownCount\n    consensusMinMinutes\n    consensusMaxMinutes\n    incompatibleCount\n  }\n"): typeof import('./graphql').DurationSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceReferenceFields on SourceReference {\n    excerpt\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n"): typeof import('./graphql').SourceReferenceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineMeetingFields on Meeting {\n    id\n    title\n    heldOn\n    datePrecision\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n    }\n    participants {\n      person {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').TimelineMeetingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonSummaryFields on Person {\n    id\n    name\n    aliases\n    roles {\n      title\n    }\n    countries {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').PersonSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonName($id: ID!) {\n    person(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').PersonNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleSearch($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PeopleSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaceFields on Place {\n    id\n    name\n    within {\n      name\n    }\n    country {\n      name\n    }\n  }\n"): typeof import('./graphql').PlaceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaceName($id: ID!) {\n    place(id: $id) {\n      ...PlaceFields\n    }\n  }\n"): typeof import('./graphql').PlaceNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationFields on PersonRelation {\n    kind\n    direction\n    person {\n      id\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n"): typeof import('./graphql').RelationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleFields on Role {\n    id\n    title\n    from\n    to\n    organization {\n      name\n    }\n    country {\n      name\n    }\n    sources {\n      ...SourceReferenceFields\n    }\n  }\n"): typeof import('./graphql').RoleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchEverything($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      __typename\n      ... on Person {\n        ...PersonSummaryFields\n      }\n      ... on Meeting {\n        id\n        title\n        heldOn\n        datePrecision\n        place {\n          ...PlaceFields\n        }\n      }\n      ... on Statement {\n        id\n        text\n        quoted\n        madeOn\n        # Aliased: a meeting's datePrecision is never null, a statement's may be, and one selection cannot be both.\n        madeOnPrecision: datePrecision\n        speaker {\n          id\n          name\n        }\n        meeting {\n          id\n          title\n        }\n      }\n      ... on Place {\n        ...PlaceFields\n        kind\n      }\n      ... on Country {\n        id\n        name\n      }\n      ... on Organization {\n        id\n        name\n        kind\n        country {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchEverythingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on Source {\n    id\n    title\n    publisher\n    publishedOn\n    datePrecision\n    url\n    kind\n  }\n"): typeof import('./graphql').SourceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementFields on Statement {\n    id\n    text\n    madeOn\n    datePrecision\n    occasion\n    speaker {\n      id\n      name\n    }\n    meeting {\n      id\n      title\n    }\n    wordings {\n      id\n      text\n      quoted\n      attributedTo\n      basis\n      note\n      source {\n        id\n        publisher\n        title\n      }\n    }\n  }\n"): typeof import('./graphql').StatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimeEstimateFields on TimeEstimate {\n    earliest\n    latest\n    wording\n    basis\n    note\n    source {\n      id\n      publisher\n      title\n    }\n  }\n"): typeof import('./graphql').TimeEstimateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimeTogether($people: [ID!]!, $lead: ID!, $filter: MeetingFilter, $filtered: Boolean!) {\n    timeTogether(personIds: $people) @skip(if: $filtered) {\n      meetingCount\n      time {\n        ...DurationSummaryFields\n      }\n    }\n    person(id: $lead) @include(if: $filtered) {\n      counterparts(filter: $filter, orderBy: MEETING_COUNT, first: 100) {\n        person {\n          id\n        }\n        meetingCount\n        time {\n          ...DurationSummaryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TimeTogetherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingPageFields on Meeting {\n    id\n    title\n    kind\n    heldOn\n    datePrecision\n    outcome\n    began {\n      ...TimeEstimateFields\n    }\n    ended {\n      ...TimeEstimateFields\n    }\n    place {\n      ...PlaceFields\n    }\n    duration {\n      ...DurationFields\n      source {\n        ...SourceFields\n      }\n    }\n    durationConsensus {\n      minMinutes\n      maxMinutes\n      compatible\n      claimCount\n    }\n    participants {\n      person {\n        id\n        name\n      }\n      role\n      delegation {\n        id\n        name\n      }\n      sources {\n        ...SourceReferenceFields\n      }\n    }\n    statements {\n      ...StatementFields\n    }\n    sources {\n      ...SourceFields\n    }\n    claims {\n      ...ClaimFields\n    }\n    conflicts {\n      ...ConflictFields\n    }\n  }\n"): typeof import('./graphql').MeetingPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPage($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingPageFields\n    }\n  }\n"): typeof import('./graphql').MeetingPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingChanged($id: ID!) {\n    meetingChanged(id: $id) {\n      change\n      actor\n      at\n      claimIds\n      meeting {\n        ...MeetingPageFields\n      }\n    }\n  }\n"): typeof import('./graphql').MeetingChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingsFound($filter: MeetingFilter, $first: Int, $after: String) {\n    meetings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...TimelineMeetingFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MeetingsFoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhereChoices($country: ID!, $withCountry: Boolean!, $place: ID!, $withPlace: Boolean!) {\n    countries {\n      id\n      name\n    }\n    country(id: $country) @include(if: $withCountry) {\n      places {\n        id\n        name\n        within {\n          name\n        }\n      }\n    }\n    place(id: $place) @include(if: $withPlace) {\n      ...PlaceFields\n    }\n  }\n"): typeof import('./graphql').WhereChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionPath($from: ID!, $to: ID!) {\n    connectionPath(fromId: $from, toId: $to, maxHops: 6) {\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n      meeting {\n        id\n        title\n        heldOn\n        datePrecision\n      }\n    }\n  }\n"): typeof import('./graphql').ConnectionPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      ...PersonSummaryFields\n      roles {\n        ...RoleFields\n      }\n      relations {\n        ...RelationFields\n      }\n      counterparts(first: 100, orderBy: TIME_TOGETHER) {\n        ...CounterpartFields\n      }\n      counterpartCount\n    }\n  }\n"): typeof import('./graphql').PersonPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonMeetings($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      meetings(first: $first, after: $after, orderBy: DATE_ASC) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...TimelineMeetingFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PersonMeetingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonStatements($id: ID!, $first: Int, $after: String) {\n    person(id: $id) {\n      id\n      statements(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...StatementFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PersonStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaceTree {\n    countries {\n      id\n      name\n      meetings(first: 0) {\n        totalCount\n      }\n      places {\n        id\n        name\n        kind\n        within {\n          id\n        }\n        meetings(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PlaceTreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Everyone($first: Int, $after: String) {\n    people(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PersonSummaryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').EveryoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      note\n      publishedBy {\n        id\n        name\n        country {\n          name\n        }\n      }\n      claims {\n        ...ClaimFields\n        meeting {\n          id\n          title\n        }\n      }\n      statements {\n        ...StatementFields\n      }\n    }\n  }\n"): typeof import('./graphql').SourcePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalRefFields on ProposalRef {\n    id\n    proposal {\n      id\n    }\n  }\n"): typeof import('./graphql').ProposalRefFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalFields on Proposal {\n    id\n    kind\n    status\n    summary\n    excerpt\n    start\n    end\n    confidence\n    reason\n    basis\n    note\n    dependsOn {\n      id\n    }\n    meeting {\n      id\n    }\n    known {\n      id\n      how\n      fromThisSource\n    }\n    contradicts {\n      id\n      how\n    }\n    person {\n      id\n      existingId\n      name\n      aliases\n      description\n    }\n    place {\n      id\n      existingId\n      name\n      kind\n      within {\n        ...ProposalRefFields\n      }\n    }\n    proposedMeeting {\n      id\n      existingId\n      title\n      date\n      dateEnd\n      place {\n        ...ProposalRefFields\n      }\n      participants {\n        ...ProposalRefFields\n      }\n    }\n    participation {\n      person {\n        ...ProposalRefFields\n      }\n      role\n    }\n    duration {\n      wording\n      figureMinutes\n      minMinutes\n      maxMinutes\n      bound\n      hedge\n    }\n    statement {\n      existingId\n      speaker {\n        ...ProposalRefFields\n      }\n      text\n      kind\n      saidOn\n      occasion\n    }\n    claim {\n      field\n      value\n      wording\n      hedge\n    }\n    role {\n      person {\n        ...ProposalRefFields\n      }\n      title\n    }\n    relation {\n      from {\n        ...ProposalRefFields\n      }\n      to {\n        ...ProposalRefFields\n      }\n      kind\n    }\n    decidedBy\n    decidedAt\n    rejectionReason\n    edits\n    became\n  }\n"): typeof import('./graphql').ProposalFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewArticle($sourceId: ID!) {\n    source(id: $sourceId) {\n      id\n      title\n      publisher\n      publishedOn\n      datePrecision\n      url\n      text\n    }\n  }\n"): typeof import('./graphql').ReviewArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewProposals($sourceId: ID!, $after: String) {\n    proposals(filter: { sourceId: $sourceId }, first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...ProposalFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProposalsChanged($sourceId: ID!) {\n    proposalsChanged(sourceId: $sourceId) {\n      change\n      actor\n      at\n      proposals {\n        ...ProposalFields\n      }\n    }\n  }\n"): typeof import('./graphql').ProposalsChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestedSources($after: String) {\n    ingestedSources(first: 100, after: $after) {\n      totalCount\n      edges {\n        node {\n          source {\n            id\n            title\n            publisher\n            publishedOn\n            datePrecision\n          }\n          pending\n          accepted\n          rejected\n          alreadyKnown\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').IngestedSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptProposals($ids: [ID!]!, $edits: [ProposalEdit!]) {\n    acceptProposals(ids: $ids, edits: $edits) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectProposals($ids: [ID!]!, $reason: String) {\n    rejectProposals(ids: $ids, reason: $reason) {\n      proposals {\n        ...ProposalFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RejectProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestArticle($input: IngestArticleInput!) {\n    ingestArticle(input: $input) {\n      source {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').IngestArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickerSearch($query: String!) {\n    search(query: $query, first: 10) {\n      __typename\n      ... on Person {\n        id\n        name\n        aliases\n      }\n      ... on Place {\n        id\n        name\n        kind\n        within {\n          name\n        }\n        country {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PickerSearchDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
