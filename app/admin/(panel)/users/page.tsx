import type { Metadata } from "next";
import { UsersCreateForm } from "@/components/admin/users-create-form";
import { UsersTable, type UserRow } from "@/components/admin/users-table";
import { requireActor } from "@/lib/admin/session";
import { listUsers } from "@/lib/db/users";
import { formatDateTime } from "@/lib/format";
import { ACTIONS, ROLES, ROLE_LABELS, can, type Action } from "@/lib/permissions";

export const metadata: Metadata = { title: "Users" };

const ACTION_LABELS: Record<Action, string> = {
  create: "Create drafts",
  update: "Edit drafts",
  submit: "Submit for review",
  signOff: "Confirm a site's coordinates",
  publish: "Publish",
  retract: "Retract",
  restore: "Restore an earlier revision",
  manageUsers: "Manage users",
};

export default async function UsersPage() {
  const actor = await requireActor("manageUsers");
  const users = await listUsers();
  const rows: UserRow[] = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    sessions: u._count.sessions,
    created: formatDateTime(u.createdAt),
    self: u.id === actor.id,
  }));
  return (
    <div className="space-y-8">
      <section className="space-y-3" aria-labelledby="accounts-heading">
        <h1 id="accounts-heading" className="text-2xl font-semibold">
          Users
        </h1>
        <p className="max-w-prose text-sm text-muted">
          Changing a role takes effect on the person&rsquo;s next click. Disabling an account signs it out everywhere at once; enabling it lets the person sign in again
          with their old password.
        </p>
        <UsersTable rows={rows} />
      </section>

      <section className="space-y-3" aria-labelledby="create-heading">
        <h2 id="create-heading" className="text-xl font-semibold">
          Create an account
        </h2>
        <UsersCreateForm />
      </section>

      <section className="space-y-3" aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="text-xl font-semibold">
          What each role may do
        </h2>
        <div className="overflow-x-auto">
          <table className="text-left text-sm">
            <caption className="sr-only">Actions allowed for each role</caption>
            <thead className="border-b border-rule text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Action
                </th>
                {ROLES.map((r) => (
                  <th key={r} scope="col" className="px-3 py-2 text-center">
                    {ROLE_LABELS[r]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ACTIONS.map((a) => (
                <tr key={a} className="border-b border-rule">
                  <th scope="row" className="py-1.5 pr-4 font-normal">
                    {ACTION_LABELS[a]}
                  </th>
                  {ROLES.map((r) => {
                    const yes = can({ id: "", name: "", role: r }, a);
                    return (
                      <td key={r} className="px-3 py-1.5 text-center">
                        <span aria-hidden="true">{yes ? "✓" : "–"}</span>
                        <span className="sr-only">{yes ? "yes" : "no"}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="max-w-prose text-sm text-muted">
          Publishing needs a second person: a reviewer cannot publish their own change (an admin can, and the override is recorded).
        </p>
      </section>
    </div>
  );
}
