import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { ENTITIES } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { adminOverview, entityOfModel } from "@/lib/db/admin";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function DraftList({ drafts, empty }: { drafts: Awaited<ReturnType<typeof adminOverview>>["inReview"]; empty: string }) {
  if (drafts.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-rule text-sm">
      {drafts.map((d) => {
        const entity = entityOfModel(d.entityType);
        if (!entity) return null;
        const snap = d.snapshot as Record<string, unknown>;
        const title = String(snap[ENTITIES[entity].titleField] ?? snap.slug ?? "");
        return (
          <li key={d.id} className="py-2">
            <Link href={`/admin/${entity}/${d.entityId}`} className="font-medium text-accent underline-offset-2 hover:underline">
              {title.length > 100 ? `${title.slice(0, 97)}…` : title}
            </Link>
            <span className="text-muted">
              {" "}
              · {ENTITIES[entity].label}
              {d.isNew ? " (new)" : " (edit)"} · {d.authorLabel}, {formatDateTime(d.submittedAt ?? d.updatedAt)}
            </span>
          </li>
        );
      })}
    </ul>
  );
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
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Waiting for review</h2>
        <DraftList drafts={inReview} empty="Nothing is waiting for review." />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Your drafts</h2>
        <DraftList drafts={mine} empty="You have no unsubmitted drafts." />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Recent releases</h2>
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
