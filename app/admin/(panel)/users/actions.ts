"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/admin/run-action";
import { currentActor } from "@/lib/auth";
import { createUser, updateUser } from "@/lib/db/users";
import { NewUserInput, UserUpdateInput } from "@/lib/schemas/user";

// Server actions of the users page. The payload schemas are strict (no extra fields such as
// `disabled` on create), and createUser/updateUser check that the signed-in person is an admin.

const refresh = () => revalidatePath("/admin/users");

/** Creates an account with an initial password the admin passes on. */
export async function createUserAction(payload: unknown) {
  return runAction(NewUserInput, payload, async (d) => createUser(await currentActor(), d), refresh);
}

/** Changes an account's role, or disables (ending its sessions) or enables it. */
export async function updateUserAction(payload: unknown) {
  return runAction(UserUpdateInput, payload, async (d) => updateUser(await currentActor(), d), refresh);
}
