import "server-only";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth";
import { can, type Action } from "@/lib/permissions";

/** The signed-in person for an admin page; anyone else is sent to the sign-in page. */
export async function requireActor(action?: Action) {
  const actor = await currentActor();
  if (!actor) redirect("/admin/login");
  if (action && !can(actor, action)) redirect("/admin?denied=1");
  return actor;
}
