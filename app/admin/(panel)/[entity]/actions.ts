"use server";
import { z } from "zod";
import { ENTITY_KEYS } from "@/lib/admin/entities";
import { refreshPublicData } from "@/lib/admin/refresh";
import { runAction } from "@/lib/admin/run-action";
import { currentActor } from "@/lib/auth";
import { publishDraft, restoreRevision, retractRecord, saveDraft, signOffCoordinate, submitDraft } from "@/lib/db/workflow";

// Server actions of the record form and history. Each validates its envelope strictly, checks the
// session and role on the server (inside lib/db/workflow), and never answers with a stack trace.

const Entity = z.enum(ENTITY_KEYS);
const Id = z.string().min(1).max(100);
const Version = z.number().int().positive().max(1e9);
const Note = z.string().max(1000);

const SaveEnvelope = z.strictObject({
  entity: Entity,
  entityId: Id.nullable(),
  draftVersion: Version.nullable(),
  baseVersion: Version.nullable(),
  input: z.unknown(),
  message: z.string().max(500).nullable().optional(),
});
const DraftEnvelope = z.strictObject({ entity: Entity, entityId: Id, draftVersion: Version });
const PublishEnvelope = DraftEnvelope.extend({ note: Note, override: z.boolean().optional() });
const RetractEnvelope = z.strictObject({ entity: Entity, entityId: Id, version: Version, note: Note });
const RestoreEnvelope = z.strictObject({ revisionId: Id, version: Version.nullable(), note: Note });

/** Saves the form as a draft (new record or edit). */
export async function saveDraftAction(payload: unknown) {
  return runAction(SaveEnvelope, payload, async (d) => saveDraft(await currentActor(), d));
}

/** Sends the draft for review. */
export async function submitDraftAction(payload: unknown) {
  return runAction(DraftEnvelope, payload, async (d) => submitDraft(await currentActor(), d));
}

/** Confirms a site's coordinate as a second person. */
export async function signOffAction(payload: unknown) {
  return runAction(DraftEnvelope, payload, async (d) => signOffCoordinate(await currentActor(), d));
}

/** Publishes a draft in review. */
export async function publishAction(payload: unknown) {
  return runAction(PublishEnvelope, payload, async (d) => publishDraft(await currentActor(), d), refreshPublicData);
}

/** Withdraws a published record. */
export async function retractAction(payload: unknown) {
  return runAction(RetractEnvelope, payload, async (d) => retractRecord(await currentActor(), d), refreshPublicData);
}

/** Makes an earlier revision live again as a new revision. */
export async function restoreAction(payload: unknown) {
  return runAction(RestoreEnvelope, payload, async (d) => restoreRevision(await currentActor(), d), refreshPublicData);
}
