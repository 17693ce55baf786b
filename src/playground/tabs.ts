/**
 * The example tabs the Playground opens with: one per question the graph answers, each
 * runnable as it is against the seed graph. A test runs every one of them through the API.
 *
 * Each variable's example value is its default in the query, not in the tab's variables pane:
 * Playground learns a tab's variables only when its query is edited, so until then it marks
 * every variable of that pane as appearing in no query (docs/api-guide.md has the details).
 * The variables are nullable: compiled execution (graphql-jit) refuses an omitted required
 * variable even when it has a default.
 */

export interface ExampleTab {
  name: string;
  query: string;
}

export const exampleTabs: ExampleTab[] = [
  {
    name: "who met whom",
    query: `# Who met whom: everyone Steve Witkoff met,
# most time together first. Unknown durations are
# counted apart (unknownCount), never as 0.
# For someone else, change the default of $personId.
query WhoMetWhom($personId: ID = "steve-witkoff") {
  person(id: $personId) {
    name
    counterparts(orderBy: TIME_TOGETHER) {
      person { name }
      meetingCount
      time {
        minutes minMinutes maxMinutes
        knownCount approximateCount unknownCount
      }
      firstMeeting { heldOn title }
      lastMeeting { heldOn title }
    }
  }
}
`,
  },
  {
    name: "where and how long",
    query: `# Where and how long: meetings anywhere in Russia,
# longest first, and what each source says of the duration.
query WhereAndHowLong($countryId: ID = "RU") {
  meetings(filter: { countryId: $countryId }, orderBy: DURATION_DESC) {
    totalCount
    edges {
      node {
        heldOn
        datePrecision
        title
        place { name within { name } }
        duration {
          minutes minMinutes maxMinutes approximate wording
        }
        claims(field: "duration") {
          value wording source { publisher title }
        }
      }
    }
  }
}
`,
  },
  {
    name: "who said what",
    query: `# Who said what: statements about compromise,
# and how each source worded them.
query WhoSaidWhat($text: String = "compromise") {
  statements(filter: { text: $text }) {
    edges {
      node {
        speaker { name }
        madeOn
        quoted
        text
        meeting { title }
        wordings { text source { publisher title } }
      }
    }
  }
}
`,
  },
];
