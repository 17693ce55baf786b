import { useState } from "react";
import { ApiError, execute } from "../api";
import { href } from "../router";
import { IngestArticleMutation } from "./documents";
import { Refusals } from "./Refusals";
import type { Refusal } from "./decisions";

const emptyToNull = (value: string) => value.trim() || null;

/** Paste an article with what is known about it; once ingested, its review page opens. */
export function IngestForm() {
  const [fields, setFields] = useState({ title: "", publisher: "", publishedOn: "", url: "", text: "" });
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value }),
  });

  const ingest = async () => {
    setBusy(true);
    setRefusals([]);
    try {
      const input = {
        text: fields.text,
        title: emptyToNull(fields.title),
        publisher: emptyToNull(fields.publisher),
        publishedOn: emptyToNull(fields.publishedOn),
        url: emptyToNull(fields.url),
      };
      const { ingestArticle } = await execute(IngestArticleMutation, { input });
      if (ingestArticle.source && ingestArticle.errors.length === 0) window.location.hash = href.review(ingestArticle.source.id);
      else setRefusals(ingestArticle.errors);
    } catch (error) {
      setRefusals(error instanceof ApiError ? error.problems : [{ code: null, message: error instanceof Error ? error.message : String(error) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="ingest-form"
      aria-label="Ingest an article"
      onSubmit={(event) => {
        event.preventDefault();
        void ingest();
      }}
    >
      <label>
        Title
        <input {...field("title")} />
      </label>
      <label>
        Publisher
        <input {...field("publisher")} />
      </label>
      <label>
        Published on
        <input type="date" {...field("publishedOn")} />
      </label>
      <label>
        URL
        <input type="url" {...field("url")} />
      </label>
      <label className="wide">
        The article&apos;s text
        <textarea rows={10} required {...field("text")} />
      </label>
      <button type="submit" disabled={busy || !fields.text.trim()}>
        {busy ? "Ingesting…" : "Ingest and review"}
      </button>
      <Refusals refusals={refusals} />
    </form>
  );
}
