import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HistoryTimeline } from "@/components/admin/history-timeline";
import { StatusBadge } from "@/components/admin/status-badge";
import { Notice } from "@/components/ui/notice";
import { ENTITIES, isEntityKey } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { recordHistory } from "@/lib/db/history";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ entity: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// ?restored=<release> after a restore, to confirm it once the page has re-read the history.
const Restored = z.coerce.number().int().positive().optional().catch(undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entity } = await params;
  return { title: isEntityKey(entity) ? `History of a ${ENTITIES[entity].label.toLowerCase()}` : "Not found" };
}

export default async function RecordHistoryPage({ params, searchParams }: Props) {
  const { entity, id } = await params;
  if (!isEntityKey(entity) || id.length > 100) notFound();
  const actor = await requireActor();
  const [history, sp] = await Promise.all([recordHistory(entity, id), searchParams]);
  if (!history) notFound();
  const spec = ENTITIES[entity];
  const restored = Restored.parse(sp.restored);
  const canRestore = can(actor, "restore");
  const title = history.title.length > 140 ? `${history.title.slice(0, 137)}…` : history.title;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm text-muted">
          <Link href={`/admin/${entity}`} className="underline-offset-2 hover:underline">
            {spec.plural}
          </Link>{" "}
          › History
        </p>
        <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">History: {title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {history.live ? <StatusBadge status={history.live.status} /> : <span className="text-muted">Not published yet</span>}
          {history.draft ? (
            <>
              <StatusBadge status={history.draft.status} /> <span className="text-muted">by {history.draft.authorLabel}</span>
            </>
          ) : null}
          <Link href={`/admin/${entity}/${id}`} className="text-accent underline">
            Back to the record
          </Link>
        </p>
      </div>
      {restored ? <Notice tone="success">Restored as release {restored}. The public site shows it within seconds.</Notice> : null}
      {canRestore && history.draft && history.revisions.some((r) => r.restorable) ? (
        <Notice tone="warning">
          An unpublished draft of this record is open. Restoring an earlier revision publishes it now; the draft then has to be brought up to date before it can be published.
        </Notice>
      ) : null}
      <p className="max-w-3xl text-sm text-muted">
        Every save, review and publication is a revision; nothing is ever rewritten. {canRestore ? "A version that was once public can be restored: that publishes it again as a new revision and release." : "Reviewers can restore a version that was once public."}
      </p>
      {history.revisions.length === 0 ? (
        <p>This record has no revisions: it was written outside the admin.</p>
      ) : (
        <HistoryTimeline entity={entity} entries={history.revisions} liveVersion={history.live?.version ?? null} canRestore={canRestore} />
      )}
    </div>
  );
}
