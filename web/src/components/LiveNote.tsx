/** A change that reached the page live: what happened, who did it, and when it committed. */
export interface LiveUpdate {
  what: string;
  actor: string;
  at: string;
}

/** A small note that the page changed under the reader's eyes, so a moved figure is not a surprise. */
export function LiveNote({ update }: { update: LiveUpdate }) {
  const time = new Date(update.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return (
    <p className="live-note" role="status">
      Updated live at <time dateTime={update.at}>{time}</time>: {update.what} by {update.actor}.
    </p>
  );
}
