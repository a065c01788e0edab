// Who may do what in the admin. Pure, so the role × action matrix is unit-tested and the same
// table is used by every server action and shown on the users page.

export const ROLES = ["EDITOR", "REVIEWER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ["create", "update", "submit", "signOff", "publish", "retract", "restore", "manageUsers"] as const;
export type Action = (typeof ACTIONS)[number];

const EDITOR: readonly Action[] = ["create", "update", "submit", "signOff"];
const REVIEWER: readonly Action[] = [...EDITOR, "publish", "retract", "restore"];
const ADMIN: readonly Action[] = [...REVIEWER, "manageUsers"];

const GRANTS: Record<Role, readonly Action[]> = { EDITOR, REVIEWER, ADMIN };

/** The signed-in person an action runs for; null when anonymous. */
export type Actor = { id: string; name: string; role: Role };

/** True when the role may perform the action (anonymous may do nothing). */
export function can(actor: Actor | null, action: Action): boolean {
  return actor !== null && (GRANTS[actor.role]?.includes(action) ?? false);
}

/** Only an admin may publish a change they made themselves, and only by saying so. */
export function mayOverrideOwnChange(actor: Actor | null): boolean {
  return actor?.role === "ADMIN";
}

export const ROLE_LABELS: Record<Role, string> = { EDITOR: "Editor", REVIEWER: "Reviewer", ADMIN: "Admin" };
