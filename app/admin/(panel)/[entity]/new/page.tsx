import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordForm } from "@/components/admin/record-form";
import { ENTITIES, isEntityKey } from "@/lib/admin/entities";
import { formPermissions } from "@/lib/admin/record-page";
import { requireActor } from "@/lib/admin/session";
import { refOptions } from "@/lib/db/admin";

type Props = { params: Promise<{ entity: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entity } = await params;
  return { title: isEntityKey(entity) ? `New ${ENTITIES[entity].label.toLowerCase()}` : "Not found" };
}

export default async function NewRecordPage({ params }: Props) {
  const { entity } = await params;
  if (!isEntityKey(entity)) notFound();
  const actor = await requireActor("create");
  const spec = ENTITIES[entity];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New {spec.label.toLowerCase()}</h1>
      <p className="text-sm text-muted">It stays a draft, visible only here, until a reviewer publishes it.</p>
      <RecordForm entity={entity} recordId={null} initial={spec.empty} draft={null} live={null} can={formPermissions(actor)} refs={await refOptions()} />
    </div>
  );
}
