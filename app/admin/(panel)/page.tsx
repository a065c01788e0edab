import type { Metadata } from "next";
import Link from "next/link";
import { BulkDrafts, type DraftItem } from "@/components/admin/bulk-drafts";
import { Notice } from "@/components/ui/notice";
import { ENTITIES } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { can, mayOverrideOwnChange } from "@/lib/permissions";
import { adminOverview, entityOfModel } from "@/lib/db/admin";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toItems(drafts: Awaited<ReturnType<typeof adminOverview>>["inReview"]): DraftItem[] {
  return drafts.flatMap((d) => {
    const entity = entityOfModel(d.entityType);
    if (!entity) return [];
    const snap = d.snapshot as Record<string, unknown>;
    const meta = `${ENTITIES[entity].label}${d.isNew ? " (new)" : " (edit)"} · ${d.authorLabel}, ${formatDateTime(d.submittedAt ?? d.updatedAt)}`;
    return [{ entity, entityId: d.entityId, draftVersion: d.version, title: String(snap[ENTITIES[entity].titleField] ?? snap.slug ?? ""), meta }];
  });
}

export default async function AdminHome({ searchParams }: Props) {
  const actor = await requireActor();
  const [{ inReview, mine, releases, counts }, sp] = await Promise.all([adminOverview(actor.id), searchParams]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      {sp.denied ? <Notice tone="warning">Your role does not give access to that page.</Notice> : null}
      <p className="text-sm text-muted">
        {counts.IN_REVIEW ?? 0} in review · {counts.DRAFT ?? 0} drafts. Edits stay drafts until a reviewer who did not make them publishes them.
      </p>
      <section className="space-y-2" aria-labelledby="review-title">
        <h2 id="review-title" className="text-lg font-semibold">
          Waiting for review
        </h2>
        <BulkDrafts items={toItems(inReview)} action={can(actor, "publish") ? "publish" : null} canOverride={mayOverrideOwnChange(actor)} empty="Nothing is waiting for review." />
      </section>
      <section className="space-y-2" aria-labelledby="mine-title">
        <h2 id="mine-title" className="text-lg font-semibold">
          Your drafts
        </h2>
        <BulkDrafts items={toItems(mine)} action="submit" empty="You have no unsubmitted drafts." />
      </section>
      <section className="space-y-2" aria-labelledby="releases-title">
        <h2 id="releases-title" className="text-lg font-semibold">
          Recent releases
        </h2>
        <ul className="divide-y divide-rule text-sm">
          {releases.map((r) => (
            <li key={r.number} className="py-2">
              <span className="font-medium">Release {r.number}</span> · {formatDateTime(r.publishedAt)} · {r.authorLabel}: {r.note}
            </li>
          ))}
        </ul>
        <p className="text-sm">
          <Link href="/corrections" className="text-accent underline">
            Public corrections log
          </Link>
        </p>
      </section>
    </div>
  );
}
