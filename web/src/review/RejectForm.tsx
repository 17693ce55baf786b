import { useState } from "react";

/** "Reject…" opens a reason field: a rejection is kept with who, when and why. */
export function RejectForm({ label, busy, onReject }: { label: string; busy: boolean; onReject: (reason: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <button type="button" disabled={busy} onClick={() => setOpen(true)}>
        Reject…
      </button>
    );
  }
  return (
    <form
      className="reject-form"
      aria-label={`Reject: ${label}`}
      onSubmit={(event) => {
        event.preventDefault();
        onReject(reason.trim() || null);
        setOpen(false);
      }}
    >
      <label>
        Why reject it?
        <input value={reason} autoFocus onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Reject
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
