import { MeetingPage } from "./pages/MeetingPage";
import { PersonPage } from "./pages/PersonPage";
import { ReviewListPage } from "./pages/ReviewListPage";
import { ReviewPage } from "./pages/ReviewPage";
import { SearchPage } from "./pages/SearchPage";
import { SourcePage } from "./pages/SourcePage";
import { playgroundUrl } from "./api";
import { href, useRoute } from "./router";

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
          <a href={href.review()}>Review</a>
          <a href={playgroundUrl}>GraphQL Playground</a>
        </nav>
      </header>
      <main>
        {/* Keyed so that each page starts fresh when the route changes. */}
        {route.page === "person" && <PersonPage key={route.id} id={route.id} />}
        {route.page === "meeting" && <MeetingPage key={route.id} id={route.id} />}
        {route.page === "source" && <SourcePage key={route.id} id={route.id} />}
        {route.page === "review" && (route.sourceId ? <ReviewPage key={route.sourceId} sourceId={route.sourceId} /> : <ReviewListPage />)}
        {route.page === "search" && <SearchPage key={route.query} initialQuery={route.query} />}
      </main>
    </>
  );
}
