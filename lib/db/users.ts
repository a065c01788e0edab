import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import type { Failure, Result } from "./workflow";
import { toFieldErrors } from "./workflow";
import { hashPassword } from "@/lib/auth";
import { can, type Actor, type Role } from "@/lib/permissions";
import { NewUserInput, UserUpdateInput } from "@/lib/schemas/user";

// Accounts are managed by admins (and the user:create command); nobody signs up.

const fail = (code: Failure["code"], message: string, extra: Partial<Failure> = {}): Failure => ({ ok: false, code, message, ...extra });

function deny(actor: Actor | null): Failure | null {
  if (!actor) return fail("unauthenticated", "Sign in to manage users.");
  if (!can(actor, "manageUsers")) return fail("forbidden", "Only an admin may manage users.");
  return null;
}

/** Creates an account with an argon2id password; `actor` null only for the command line. */
export async function createUser(actor: Actor | null, raw: unknown, opts: { bootstrap?: boolean } = {}): Promise<Result<{ id: string }>> {
  if (!opts.bootstrap) {
    const denied = deny(actor);
    if (denied) return denied;
  }
  const r = NewUserInput.safeParse(raw);
  if (!r.success) return fail("invalid", "Some fields need attention.", { fieldErrors: toFieldErrors(r.error.issues) });
  const { email, name, role, password } = r.data;
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    return fail("invalid", "Some fields need attention.", { fieldErrors: { email: ["An account with this e-mail already exists."] } });
  }
  const id = randomUUID();
  const hash = await hashPassword(password);
  const label = actor?.name ?? "command line";
  await db().$transaction(async (tx) => {
    await tx.user.create({ data: { id, email, name, role, emailVerified: true } });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    await tx.auditEntry.create({ data: { action: "CREATE", entityType: "User", entityId: id, actorLabel: label, detail: { role } } });
  });
  return { ok: true, id };
}

/** Changes a user's role or disables the account (revoking every session at once). */
export async function updateUser(actor: Actor | null, raw: unknown): Promise<Result> {
  const denied = deny(actor);
  if (denied) return denied;
  const r = UserUpdateInput.safeParse(raw);
  if (!r.success) return fail("invalid", "Some fields need attention.", { fieldErrors: toFieldErrors(r.error.issues) });
  const { id, role, disabled } = r.data;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, role: true, disabled: true } });
    if (!user) return fail("not_found", "This account does not exist.");
    // Nobody locks themselves out by accident: another admin makes such a change.
    if (id === actor!.id && (role !== user.role || disabled)) {
      return fail("blocked", "You cannot change your own role or disable your own account; ask another admin.");
    }
    const losesAdmin = user.role === "ADMIN" && !user.disabled && (role !== "ADMIN" || disabled);
    if (losesAdmin && (await tx.user.count({ where: { role: "ADMIN", disabled: false } })) <= 1) {
      return fail("blocked", "Keep at least one active admin.");
    }
    await tx.user.update({ where: { id }, data: { role, disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId: id } });
    await tx.auditEntry.create({ data: { action: "UPDATE", entityType: "User", entityId: id, actorLabel: actor!.name, detail: { role, disabled } } });
    return { ok: true as const };
  });
}

/** Every account, without secrets. */
export async function listUsers() {
  return db().user.findMany({
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabled: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
}

/** Ends every session of one user (sign out everywhere). */
export async function revokeAllSessions(userId: string): Promise<number> {
  return (await db().session.deleteMany({ where: { userId } })).count;
}

export type { Role };
