"use server";
import { z } from "zod";
import { ENTITY_KEYS } from "@/lib/admin/entities";
import { refreshPublicData } from "@/lib/admin/refresh";
import { runAction } from "@/lib/admin/run-action";
import { currentActor } from "@/lib/auth";
import { BULK_LIMIT, bulkWorkflow } from "@/lib/db/workflow";

const BulkEnvelope = z.strictObject({
  action: z.enum(["submit", "publish"]),
  items: z
    .array(z.strictObject({ entity: z.enum(ENTITY_KEYS), entityId: z.string().min(1).max(100), draftVersion: z.number().int().positive().max(1e9) }))
    .min(1, "Choose at least one draft.")
    .max(BULK_LIMIT),
  note: z.string().max(1000).optional(),
  override: z.boolean().optional(),
});

/** Submits or publishes the chosen drafts together (all or nothing). */
export async function bulkAction(payload: unknown) {
  return runAction(BulkEnvelope, payload, async (d) => bulkWorkflow(await currentActor(), d), refreshPublicData);
}
