import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordForm } from "@/components/admin/record-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { Notice } from "@/components/ui/notice";
import { ENTITIES, isEntityKey } from "@/lib/admin/entities";
import { doneMessage, formPermissions } from "@/lib/admin/record-page";
import { requireActor } from "@/lib/admin/session";
import { getRecordForEdit, refOptions } from "@/lib/db/admin";

type Props = { params: Promise<{ entity: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entity } = await params;
  return { title: isEntityKey(entity) ? `Edit ${ENTITIES[entity].label.toLowerCase()}` : "Not found" };
}

export default async function EditRecordPage({ params, searchParams }: Props) {
  const { entity, id } = await params;
  if (!isEntityKey(entity) || id.length > 100) notFound();
  const actor = await requireActor();
  const [record, refs, sp] = await Promise.all([getRecordForEdit(entity, id), refOptions(), searchParams]);
  if (!record) notFound();
  const spec = ENTITIES[entity];
  const initial = { ...spec.empty, ...(record.draft?.snapshot ?? record.live?.snapshot ?? {}) };
  const done = doneMessage(sp.done);
  const title = String(initial[spec.titleField] ?? initial.slug ?? "");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm text-muted">{spec.label}</p>
        <h1 className="text-2xl font-semibold">{title.length > 140 ? `${title.slice(0, 137)}…` : title}</h1>
        <p className="flex gap-2">
          {record.live ? <StatusBadge status={record.live.status} /> : null}
          {record.draft ? <StatusBadge status={record.draft.status} /> : null}
        </p>
      </div>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {!record.draft && record.live && !record.live.snapshot ? (
        <Notice tone="warning">This record has no revision to edit from; it was written outside the admin.</Notice>
      ) : null}
      <RecordForm
        // A new version from the server (after a save or a publish) starts the form afresh.
        key={`${record.draft?.version ?? 0}-${record.live?.version ?? 0}`}
        entity={entity}
        recordId={id}
        initial={initial}
        draft={record.draft ? { status: record.draft.status, version: record.draft.version, baseVersion: record.draft.baseVersion, authorLabel: record.draft.authorLabel } : null}
        live={record.live ? { status: record.live.status, version: record.live.version } : null}
        can={formPermissions(actor)}
        refs={refs}
      />
    </div>
  );
}
