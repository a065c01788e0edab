import { inlineDiff, type Change, type Piece } from "@/lib/admin/diff";
import type { EntityKey } from "@/lib/admin/entities";
import type { HistoryEntry } from "@/lib/db/history";
import { formatDateTime } from "@/lib/format";
import { RestoreRevision } from "./restore-revision";

const ACTION_LABELS: Record<HistoryEntry["action"], string> = {
  CREATE: "Draft created",
  UPDATE: "Draft edited",
  SUBMIT: "Submitted for review",
  PUBLISH: "Published",
  RETRACT: "Retracted",
  RESTORE: "Earlier revision restored",
  IMPORT: "Imported",
  SEED: "Loaded from the seed dataset",
};

const ACTION_TONES: Partial<Record<HistoryEntry["action"], string>> = {
  PUBLISH: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  RESTORE: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  RETRACT: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
  SUBMIT: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
};

/** What a revision's changes are measured against, in words. */
function basisText(e: HistoryEntry): string {
  if (e.basis === "new") return e.action === "CREATE" ? "Values of the new record" : "Values it was made public with";
  return e.basis === "published" ? "Changes to the public record" : "Changes to the draft";
}

/** Every revision of a record, newest first, with its field-by-field changes and (for reviewers) a restore control. */
export function HistoryTimeline({ entity, entries, liveVersion, canRestore }: { entity: EntityKey; entries: HistoryEntry[]; liveVersion: number | null; canRestore: boolean }) {
  return (
    <ol className="space-y-4" aria-label="Revisions, newest first">
      {entries.map((e) => (
        <li key={e.id}>
          <article aria-labelledby={`rev-${e.version}`} className="space-y-2 rounded border border-rule p-3">
            <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h2 id={`rev-${e.version}`} className="font-semibold">
                Revision {e.version}
                <span className={`ml-2 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${ACTION_TONES[e.action] ?? "bg-subtle"}`}>{ACTION_LABELS[e.action]}</span>
              </h2>
              <p className="text-sm text-muted">
                {e.authorLabel} · <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                {e.release !== null ? ` · release ${e.release}` : ""}
              </p>
            </header>
            {e.message ? <p className="text-sm [overflow-wrap:anywhere]">“{e.message}”</p> : null}
            <Changes entry={e} />
            {canRestore && e.restorable ? <RestoreRevision entity={entity} revisionId={e.id} revisionNumber={e.version} liveVersion={liveVersion} /> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

function Changes({ entry: e }: { entry: HistoryEntry }) {
  if (e.changes.length === 0) {
    return (
      <p className="text-sm text-muted">
        {e.action === "RETRACT" ? "Withdrawn from the public site; its values are unchanged." : e.basis === "published" ? "No field differs from the public record." : "No field changed."}
      </p>
    );
  }
  const list = <ChangeList changes={e.changes} isNew={e.basis === "new"} />;
  // A first publication lists every value (usually those of the draft below it): keep it folded.
  if (e.basis === "new" && e.action !== "CREATE") {
    return (
      <details className="text-sm">
        <summary className="cursor-pointer">
          {basisText(e)} ({e.changes.length} {e.changes.length === 1 ? "field" : "fields"})
        </summary>
        {list}
      </details>
    );
  }
  return (
    <div className="text-sm">
      <p className="text-muted">{basisText(e)}</p>
      {list}
    </div>
  );
}

/** Field, before and after; each value keeps its line breaks (one list item per line), wraps long text and marks the words that changed. */
function ChangeList({ changes, isNew }: { changes: Change[]; isNew: boolean }) {
  return (
    <dl className="mt-1 divide-y divide-rule border-y border-rule">
      {changes.map((c) => {
        const inline = isNew ? null : inlineDiff(c.before, c.after);
        return (
          <div key={c.field} className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium">{c.label}</dt>
            <dd className={isNew ? "" : "grid gap-2 md:grid-cols-2"}>
              {isNew ? (
                <Value pieces={[{ text: c.after, op: "same" }]} />
              ) : (
                <>
                  <div className="border-l-4 border-red-700/60 pl-2">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-muted">Before</span>
                    <Value pieces={inline?.before ?? [{ text: c.before, op: "same" }]} />
                  </div>
                  <div className="border-l-4 border-green-700/60 pl-2">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-muted">After</span>
                    <Value pieces={inline?.after ?? [{ text: c.after, op: "same" }]} />
                  </div>
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

const DEL = "rounded-sm bg-red-100 text-red-950 line-through decoration-red-700/70 dark:bg-red-950 dark:text-red-100";
const INS = "rounded-sm bg-green-100 text-green-950 no-underline dark:bg-green-950 dark:text-green-100";

function Value({ pieces }: { pieces: Piece[] }) {
  return (
    <span className="block whitespace-pre-wrap [overflow-wrap:anywhere]">
      {pieces.map((p, i) =>
        p.op === "del" ? (
          <del key={i} className={DEL}>
            {p.text}
          </del>
        ) : p.op === "ins" ? (
          <ins key={i} className={INS}>
            {p.text}
          </ins>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
