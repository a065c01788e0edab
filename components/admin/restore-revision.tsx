"use client";
import { usePathname, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { restoreAction } from "@/app/admin/(panel)/[entity]/actions";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ENTITIES, type EntityKey } from "@/lib/admin/entities";

type Failure = { message: string; fieldErrors: Record<string, string[]> };

/**
 * "Restore this revision": makes an earlier published version live again as a new revision.
 * The note is required (it goes to the public corrections log); `liveVersion` is the version the
 * page was rendered with, so a record changed meanwhile is refused rather than overwritten.
 */
export function RestoreRevision({
  entity,
  revisionId,
  revisionNumber,
  liveVersion,
}: {
  entity: EntityKey;
  revisionId: string;
  revisionNumber: number;
  liveVersion: number | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const noteId = `${id}-note`;
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (note.trim().length < 3) {
      setFailure({ message: "Say why this revision is restored.", fieldErrors: { note: ["Write 3–1000 characters: the note is shown in the public corrections log."] } });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const r = await restoreAction({ revisionId, version: liveVersion, note });
      if (r.ok) {
        router.replace(`${pathname}?restored=${r.release}`, { scroll: false });
        router.refresh();
        return;
      }
      setFailure({ message: r.message, fieldErrors: r.fieldErrors ?? {} });
    } catch {
      setFailure({ message: "The server could not be reached; nothing was restored. Try again.", fieldErrors: {} });
    } finally {
      setBusy(false);
    }
  }

  const noteErrors = failure?.fieldErrors.note;
  // Errors of the restored values themselves (the sources gate, a slug taken since), by field label.
  const other = Object.entries(failure?.fieldErrors ?? {}).filter(([k]) => k !== "note");
  const labelOf = (path: string) => ENTITIES[entity].fields.find((f) => f.name === path.split(".")[0])?.label ?? (path || "Record");
  return (
    <details className="rounded border border-rule p-2 text-sm">
      <summary className="cursor-pointer font-medium">Restore this revision</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
        <p className="text-muted">
          Makes revision {revisionNumber} the published version again. Nothing is deleted: the restore is a new revision and a new release.
        </p>
        {failure ? (
          <Notice tone="error">
            {failure.message}
            {other.length ? (
              <ul className="mt-1 list-disc pl-5">
                {other.map(([k, msgs]) => (
                  <li key={k}>
                    {labelOf(k)}: {msgs.join(" ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
        <Field id={noteId} label="Note for the corrections log" hint="Public: say what is restored and why." errors={noteErrors} required>
          <textarea
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            rows={2}
            required
            className={INPUT_CLASS}
            {...describedBy(noteId, "hint", noteErrors)}
          />
        </Field>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Restoring…" : `Restore revision ${revisionNumber}`}
        </Button>
      </form>
    </details>
  );
}
