"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormField, fieldId, type Errors, type Refs } from "./form-fields";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { publishAction, retractAction, saveDraftAction, signOffAction, submitDraftAction } from "@/app/admin/(panel)/[entity]/actions";
import { diffSnapshots } from "@/lib/admin/diff";
import { ENTITIES, type EntityKey } from "@/lib/admin/entities";
import type { Conflict, Failure, Result } from "@/lib/db/workflow";

type Props = {
  entity: EntityKey;
  recordId: string | null;
  initial: Record<string, unknown>;
  draft: { status: string; version: number; baseVersion: number | null; authorLabel: string } | null;
  live: { status: string; version: number } | null;
  can: { publish: boolean; retract: boolean; signOff: boolean; override: boolean };
  refs: Refs;
};

/**
 * The form of one record: its fields from lib/admin/entities.ts, then the workflow (save draft,
 * submit, sign off, publish, retract). It carries the versions it was loaded with; a stale save
 * comes back as a conflict, shown field by field beside the other editor's values.
 */
export function RecordForm({ entity, recordId, initial, draft, live, can, refs }: Props) {
  const spec = ENTITIES[entity];
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [versions, setVersions] = useState({ draftVersion: draft?.version ?? null, baseVersion: draft ? draft.baseVersion : (live?.version ?? null) });
  const [message, setMessage] = useState("");
  const [note, setNote] = useState("");
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Warn before leaving with unsaved changes: closing the tab, reloading, or following a link.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement).closest("a[href]");
      if (a && !window.confirm("You have unsaved changes. Leave this page and lose them?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  async function act<T extends object>(fn: () => Promise<Result<T>>, done: (r: { ok: true } & T) => void) {
    setBusy(true);
    setFailure(null);
    try {
      const r = await fn();
      if (r.ok) {
        setErrors({});
        setConflict(null);
        done(r);
      } else {
        setErrors(r.fieldErrors ?? {});
        setFailure(r);
        if (r.conflict) setConflict(r.conflict);
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    } catch {
      setFailure({ ok: false, code: "error", message: "The server could not be reached; nothing was saved." });
    } finally {
      setBusy(false);
    }
  }

  const goTo = (id: string, done: string) => {
    router.replace(`/admin/${entity}/${id}?done=${done}`);
    router.refresh();
  };

  const save = () =>
    act(
      () => saveDraftAction({ entity, entityId: recordId, ...versions, input: values, message: message || null }),
      (r) => goTo(r.entityId, "saved"),
    );

  /** After a conflict: keep my values, build on the version the other editor saved, save again. */
  const keepMine = () => {
    if (!conflict) return;
    const next = conflict.source === "draft" ? { draftVersion: conflict.version, baseVersion: versions.baseVersion } : { draftVersion: null, baseVersion: conflict.version };
    setVersions(next);
    setConflict(null);
    setFailure(null);
  };

  const fieldNames = new Set(spec.fields.map((f) => f.name));
  const unplaced = Object.entries(errors).filter(([path]) => !fieldNames.has(path.split(".")[0]));
  const errorCount = Object.values(errors).reduce((n, e) => n + e.length, 0);
  const draftRef = recordId && versions.draftVersion ? { entity, entityId: recordId, draftVersion: versions.draftVersion } : null;
  const inReview = draft?.status === "IN_REVIEW";
  const hasCoordinate = entity === "sites" && values.latitude !== null && values.latitude !== undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div ref={summaryRef} tabIndex={-1} className="outline-none">
          {failure ? (
            <Notice tone="error" title={failure.message}>
              {errorCount > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {Object.entries(errors).map(([path, msgs]) =>
                    msgs.map((m) => (
                      <li key={path + m}>
                        <a href={`#${fieldId(path)}`} className="underline">
                          {labelOf(spec.fields, path)}: {m}
                        </a>
                      </li>
                    )),
                  )}
                </ul>
              ) : null}
              {unplaced.length > 0 ? <p className="mt-1">Also: {unplaced.map(([p, m]) => `${p || "form"}: ${m.join(" ")}`).join("; ")}</p> : null}
            </Notice>
          ) : null}
        </div>

        {conflict ? <ConflictView entity={entity} conflict={conflict} mine={values} onUseTheirs={(name) => setValues({ ...values, [name]: (conflict.snapshot as Record<string, unknown>)[name] })} onKeepMine={keepMine} /> : null}

        {spec.fields.map((field) => (
          <FormField key={field.name} field={field} value={values[field.name]} onChange={(v) => setValues((old) => ({ ...old, [field.name]: v }))} errors={errors} refs={refs} />
        ))}

        <div className="space-y-2 rounded border border-rule p-3">
          <label htmlFor="change-message" className="block text-sm font-medium">
            What did you change? (kept in the history)
          </label>
          <input id="change-message" maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} className={INPUT_CLASS} />
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="primary" disabled={busy || conflict !== null || (!dirty && recordId !== null)}>
              {busy ? "Saving…" : recordId ? "Save draft" : `Create draft`}
            </Button>
            {dirty ? <span className="text-sm text-amber-800 dark:text-amber-300">Unsaved changes</span> : null}
          </div>
        </div>
      </form>

      <aside className="space-y-4 text-sm" aria-label="Workflow">
        <section className="space-y-2 rounded border border-rule p-3">
          <h2 className="font-semibold">Status</h2>
          <p>
            Public: {live ? (live.status === "PUBLISHED" ? `published (version ${live.version})` : `retracted (version ${live.version})`) : "not published yet"}
          </p>
          <p>Draft: {draft ? `${draft.status === "IN_REVIEW" ? "in review" : "draft"}, last saved by ${draft.authorLabel}` : "none"}</p>
          {recordId ? (
            <p className="flex flex-wrap gap-3">
              <Link href={`/admin/${entity}/${recordId}/history`} className="text-accent underline">
                History
              </Link>
              {live?.status === "PUBLISHED" && spec.publicPath && typeof initial.slug === "string" && spec.publicPath(initial.slug, initial) ? (
                <Link href={spec.publicPath(initial.slug, initial)!} className="text-accent underline">
                  View on the site
                </Link>
              ) : null}
            </p>
          ) : null}
        </section>

        {draftRef && !inReview ? (
          <section className="space-y-2 rounded border border-rule p-3">
            <h2 className="font-semibold">Review</h2>
            <p className="text-muted">A reviewer who did not edit this draft publishes it.</p>
            <Button type="button" disabled={busy || dirty} onClick={() => act(() => submitDraftAction(draftRef), () => goTo(recordId!, "submitted"))}>
              Submit for review
            </Button>
            {dirty ? <p className="text-muted">Save your changes first.</p> : null}
          </section>
        ) : null}

        {draftRef && hasCoordinate && can.signOff && !values.coordinateSignedOffBy ? (
          <section className="space-y-2 rounded border border-rule p-3">
            <h2 className="font-semibold">Coordinate</h2>
            <p className="text-muted">Check that the point is the announced city&rsquo;s centre, no finer.</p>
            <Button type="button" disabled={busy || dirty} onClick={() => act(() => signOffAction(draftRef), () => goTo(recordId!, "signed-off"))}>
              Sign off the coordinate
            </Button>
          </section>
        ) : null}

        {draftRef && inReview && can.publish ? (
          <section className="space-y-2 rounded border border-rule p-3">
            <h2 className="font-semibold">Publish</h2>
            <label htmlFor="publish-note" className="block font-medium">
              Note for the corrections log
            </label>
            <textarea id="publish-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} aria-describedby={`${fieldId("note")}-error`} />
            <div id={`${fieldId("note")}-error`} aria-live="polite" className="text-red-800 dark:text-red-300">
              {errors.note?.map((m) => <p key={m}>{m}</p>)}
            </div>
            {can.override ? (
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                <span>Override the four-eyes rule (recorded in the history)</span>
              </label>
            ) : null}
            <Button type="button" variant="primary" disabled={busy || dirty} onClick={() => act(() => publishAction({ ...draftRef, note, override }), () => goTo(recordId!, "published"))}>
              Publish
            </Button>
          </section>
        ) : null}

        {recordId && live?.status === "PUBLISHED" && can.retract ? (
          <section className="space-y-2 rounded border border-rule p-3">
            <h2 className="font-semibold">Retract</h2>
            <p className="text-muted">Removes the record from the public site; it stays in the history and the corrections log.</p>
            <label htmlFor="retract-note" className="block font-medium">
              Why?
            </label>
            <textarea id="retract-note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} />
            <Button
              type="button"
              variant="danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm("Retract this record from the public site?")) void act(() => retractAction({ entity, entityId: recordId, version: live.version, note }), () => goTo(recordId, "retracted"));
              }}
            >
              Retract
            </Button>
          </section>
        ) : null}
      </aside>
    </div>
  );
}

function labelOf(fields: { name: string; label: string }[], path: string): string {
  const [head, ...rest] = path.split(".");
  const f = fields.find((x) => x.name === head);
  if (!f) return path || "Form";
  return rest.length ? `${f.label} › ${rest.map((r) => (/^\d+$/.test(r) ? `#${Number(r) + 1}` : r)).join(" › ")}` : f.label;
}

/** The other editor's saved values beside mine, for each field that differs. */
function ConflictView({
  entity,
  conflict,
  mine,
  onUseTheirs,
  onKeepMine,
}: {
  entity: EntityKey;
  conflict: Conflict;
  mine: Record<string, unknown>;
  onUseTheirs: (field: string) => void;
  onKeepMine: () => void;
}) {
  const theirs = (conflict.snapshot ?? {}) as Record<string, unknown>;
  const changes = diffSnapshots(entity, theirs, mine);
  return (
    <section aria-labelledby="conflict-title" className="space-y-3 rounded border-2 border-amber-600 p-3">
      <h2 id="conflict-title" className="font-semibold">
        {conflict.authorLabel || "Someone"} saved this record while you were editing
      </h2>
      <p className="text-sm">
        Nothing of yours was lost, and nothing was overwritten. Compare, take their value where it is right, then save again.
      </p>
      {changes.length === 0 ? (
        <p className="text-sm">Your values and theirs are the same.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Fields that differ between their saved version and yours</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-1 pr-2">
                  Field
                </th>
                <th scope="col" className="py-1 pr-2">
                  Theirs (saved)
                </th>
                <th scope="col" className="py-1 pr-2">
                  Yours (not saved)
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field} className="border-b border-rule align-top">
                  <th scope="row" className="py-1 pr-2 font-medium">
                    {c.label}
                  </th>
                  <td className="whitespace-pre-wrap py-1 pr-2">{c.before}</td>
                  <td className="whitespace-pre-wrap py-1 pr-2">{c.after}</td>
                  <td className="py-1">
                    <Button type="button" onClick={() => onUseTheirs(c.field)}>
                      Use theirs
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button type="button" variant="primary" onClick={onKeepMine}>
        I have merged: let me save
      </Button>
    </section>
  );
}
