import "server-only";
import type { Actor } from "@/lib/permissions";
import { can, mayOverrideOwnChange } from "@/lib/permissions";

/** What the record form may offer this person (the server checks again on every action). */
export function formPermissions(actor: Actor) {
  return { publish: can(actor, "publish"), retract: can(actor, "retract"), signOff: can(actor, "signOff"), override: mayOverrideOwnChange(actor) };
}

const DONE: Record<string, string> = {
  saved: "Draft saved.",
  submitted: "Submitted for review.",
  "signed-off": "Coordinate signed off.",
  published: "Published. The public site shows it within seconds.",
  retracted: "Retracted from the public site.",
};

/** The confirmation shown after a workflow step (from ?done=…), or null. */
export function doneMessage(done: unknown): string | null {
  return typeof done === "string" ? (DONE[done] ?? null) : null;
}
