import { MeetingPage } from "./pages/MeetingPage";
import { MeetingsPage } from "./pages/MeetingsPage";
import { PathPage } from "./pages/PathPage";
import { PersonPage } from "./pages/PersonPage";
import { PlacesPage } from "./pages/PlacesPage";
import { ReviewListPage } from "./pages/ReviewListPage";
import { ReviewPage } from "./pages/ReviewPage";
import { SearchPage } from "./pages/SearchPage";
import { SourcePage } from "./pages/SourcePage";
import { playgroundUrl } from "./api";
import { href, meetingsQueryOf, useRoute, type Route } from "./router";

function Page({ route }: { route: Route }) {
  switch (route.page) {
    // Keyed so that each entity page starts fresh when the route changes; the question pages keep their inputs as the address follows them.
    case "person":
      return <PersonPage key={route.id} id={route.id} />;
    case "meeting":
      return <MeetingPage key={route.id} id={route.id} />;
    case "source":
      return <SourcePage key={route.id} id={route.id} />;
    case "meetings":
      return <MeetingsPage query={meetingsQueryOf(route.params)} />;
    case "path":
      return <PathPage from={route.params.get("from") ?? undefined} to={route.params.get("to") ?? undefined} />;
    case "places":
      return <PlacesPage />;
    case "review":
      return route.sourceId ? <ReviewPage key={route.sourceId} sourceId={route.sourceId} /> : <ReviewListPage />;
    case "search":
      // Typing keeps the address in step without a hashchange, so a new key means the address was changed from outside.
      return <SearchPage key={route.params.get("q")} initialQuery={route.params.get("q") ?? ""} />;
  }
}

export function App() {
  const route = useRoute();
  return (
    <>
      <header>
        <a className="brand" href={href.search()}>
          meetgraph
        </a>
        <span className="tagline">who met whom, where, when, for how long — and who says so</span>
        <nav>
          <a href={href.search()}>Search</a>
          <a href={href.meetings({})}>Who met whom</a>
          <a href={href.path()}>Connections</a>
          <a href={href.places()}>Places</a>
          <a href={href.review()}>Review</a>
          <a href={playgroundUrl}>GraphQL Playground</a>
        </nav>
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}
