import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { StatusBadge } from "@/components/admin/status-badge";
import { INPUT_CLASS } from "@/components/ui/field";
import { ENTITIES, isEntityKey } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { ADMIN_STATUSES, listRecords } from "@/lib/db/admin";
import { formatDateTime } from "@/lib/format";

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ListParams = z.object({
  q: z.string().max(200).optional().catch(undefined),
  status: z.enum(ADMIN_STATUSES).optional().catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entity } = await params;
  return { title: isEntityKey(entity) ? ENTITIES[entity].plural : "Not found" };
}

export default async function RecordListPage({ params, searchParams }: Props) {
  const { entity } = await params;
  if (!isEntityKey(entity)) notFound();
  await requireActor();
  const spec = ENTITIES[entity];
  const { q, status } = ListParams.parse(await searchParams);
  const rows = await listRecords(entity, { q, status });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{spec.plural}</h1>
        <Link href={`/admin/${entity}/new`} className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-canvas">
          New {spec.label.toLowerCase()}
        </Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input id="q" name="q" defaultValue={q} className={INPUT_CLASS} placeholder="Slug or title" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? "any"} className={INPUT_CLASS}>
            <option value="any">Any</option>
            <option value="published">Published</option>
            <option value="retracted">Retracted</option>
            <option value="draft">Has a draft</option>
            <option value="in_review">In review</option>
          </select>
        </div>
        <button className="rounded border border-rule px-3 py-1.5 text-sm">Filter</button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {rows.length} {rows.length === 1 ? "record" : "records"}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{spec.plural}: title, public status, working draft and last change</caption>
          <thead className="border-b border-rule text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Record
              </th>
              <th scope="col" className="py-2 pr-3">
                Public
              </th>
              <th scope="col" className="py-2 pr-3">
                Draft
              </th>
              <th scope="col" className="py-2">
                Last change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-rule align-top">
                <td className="py-2 pr-3">
                  <Link href={`/admin/${entity}/${r.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                    {r.title.length > 120 ? `${r.title.slice(0, 117)}…` : r.title}
                  </Link>
                  <div className="text-xs text-muted">{r.slug}</div>
                </td>
                <td className="py-2 pr-3">{r.live ? <StatusBadge status={r.live.status} /> : <span className="text-muted">Not yet</span>}</td>
                <td className="py-2 pr-3">
                  {r.draft ? (
                    <>
                      <StatusBadge status={r.draft.status} /> <span className="text-xs text-muted">by {r.draft.authorLabel}</span>
                    </>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className="py-2 text-muted">{formatDateTime(r.draft?.updatedAt ?? r.live!.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
