"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { bulkAction } from "@/app/admin/(panel)/actions";
import type { EntityKey } from "@/lib/admin/entities";
import type { Failure } from "@/lib/db/workflow";

export type DraftItem = { entity: EntityKey; entityId: string; draftVersion: number; title: string; meta: string };

/**
 * A list of drafts with checkboxes and one workflow step for the chosen ones: submit them for
 * review, or publish them together in one release (all or nothing).
 */
export function BulkDrafts({ items, action, empty, canOverride = false }: { items: DraftItem[]; action: "submit" | "publish" | null; empty: string; canOverride?: boolean }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string } | Failure | null>(null);
  const all = chosen.size === items.length;
  const label = action === "publish" ? "Publish" : "Submit for review";

  async function run() {
    setBusy(true);
    setResult(null);
    try {
      const r = await bulkAction({ action, items: items.filter((i) => chosen.has(i.entityId)).map(({ entity, entityId, draftVersion }) => ({ entity, entityId, draftVersion })), note, override });
      if (r.ok) {
        setResult({ ok: true, text: `${r.count} ${r.count === 1 ? "draft" : "drafts"} ${action === "publish" ? `published in release ${r.release}` : "submitted for review"}.` });
        setChosen(new Set());
        router.refresh();
      } else setResult(r);
    } catch {
      setResult({ ok: false, code: "error", message: "The server could not be reached; nothing was changed." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      {items.length === 0 ? <p className="text-sm text-muted">{empty}</p> : null}
      {result ? (
        result.ok ? (
          <Notice tone="success">{result.text}</Notice>
        ) : (
          <Notice tone="error" title={result.message}>
            {result.items?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {result.items.map((i) => (
                  <li key={i.entityId}>
                    <Link href={`/admin/${i.entity}/${i.entityId}`} className="underline">
                      {items.find((x) => x.entityId === i.entityId)?.title ?? i.entityId}
                    </Link>
                    : {i.message} {i.fieldErrors ? Object.entries(i.fieldErrors).map(([f, m]) => `${f || "form"}: ${m.join(" ")}`).join("; ") : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </Notice>
        )
      ) : null}
      {action && items.length > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={all} onChange={(e) => setChosen(new Set(e.target.checked ? items.map((i) => i.entityId) : []))} />
          Select all {items.length}
        </label>
      ) : null}
      <ul className="divide-y divide-rule text-sm">
        {items.map((d) => (
          <li key={d.entityId} className="flex items-start gap-2 py-2">
            {action ? (
              <input
                type="checkbox"
                className="mt-1"
                aria-label={`Choose ${d.title}`}
                checked={chosen.has(d.entityId)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(d.entityId);
                  else next.delete(d.entityId);
                  setChosen(next);
                }}
              />
            ) : null}
            <span>
              <Link href={`/admin/${d.entity}/${d.entityId}`} className="font-medium text-accent underline-offset-2 hover:underline">
                {d.title.length > 100 ? `${d.title.slice(0, 97)}…` : d.title}
              </Link>
              <span className="text-muted"> · {d.meta}</span>
            </span>
          </li>
        ))}
      </ul>
      {action && items.length > 0 ? (
        <div className="space-y-2 rounded border border-rule p-3 text-sm">
          {action === "publish" ? (
            <>
              <label htmlFor={`bulk-note-${action}`} className="block font-medium">
                Note for the corrections log
              </label>
              <textarea id={`bulk-note-${action}`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} />
              {canOverride ? (
                <label className="flex items-start gap-2">
                  <input type="checkbox" className="mt-1" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                  <span>Override the four-eyes rule for my own changes (recorded)</span>
                </label>
              ) : null}
            </>
          ) : null}
          <Button type="button" variant={action === "publish" ? "primary" : "secondary"} disabled={busy || chosen.size === 0} onClick={() => void run()}>
            {busy ? "Working…" : `${label} ${chosen.size || ""} chosen`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
