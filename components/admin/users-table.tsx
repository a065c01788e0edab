"use client";
import { useState, useTransition } from "react";
import { updateUserAction } from "@/app/admin/(panel)/users/actions";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions";

/** One account as the users table shows it (no secrets). */
export type UserRow = { id: string; name: string; email: string; role: Role; disabled: boolean; sessions: number; created: string; self: boolean };

/** Every account with its role and status, each changeable in place by an admin. */
export function UsersTable({ rows }: { rows: UserRow[] }) {
  return (
    // On a phone the table scrolls sideways rather than squeezing names and controls.
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Accounts: name, e-mail, role, status, open sessions and creation date</caption>
        <thead className="border-b border-rule text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Name
            </th>
            <th scope="col" className="py-2 pr-3">
              Role
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Sessions
            </th>
            <th scope="col" className="py-2">
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <UserTableRow key={`${r.id}-${r.role}-${r.disabled}`} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserTableRow({ row }: { row: UserRow }) {
  const [role, setRole] = useState<Role>(row.role);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errorId = `user-${row.id}-error`;

  function update(change: { role: Role; disabled: boolean }) {
    setError(null);
    start(async () => {
      const r = await updateUserAction({ id: row.id, ...change });
      if (!r.ok) setError(Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.message);
      setConfirming(false);
    });
  }

  return (
    <tr className={`border-b border-rule align-top ${row.disabled ? "text-muted" : ""}`}>
      <th scope="row" className="py-2 pr-3 font-normal">
        <span className="font-medium">{row.name}</span>
        {row.self ? <span className="text-muted"> (you)</span> : null}
        <div className="break-all text-xs text-muted">{row.email}</div>
        <div id={errorId} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </div>
      </th>
      <td className="py-2 pr-3">
        {row.self ? (
          ROLE_LABELS[row.role]
        ) : (
          <form
            className="flex flex-wrap items-center gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              update({ role, disabled: row.disabled });
            }}
          >
            <label htmlFor={`role-${row.id}`} className="sr-only">
              Role of {row.name}
            </label>
            <select
              id={`role-${row.id}`}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              className={`${INPUT_CLASS} max-w-40`}
              aria-describedby={errorId}
              aria-invalid={error ? true : undefined}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            {role !== row.role ? (
              <Button type="submit" variant="primary" disabled={pending} aria-label={`Save the role of ${row.name}`}>
                {pending ? "Saving…" : "Save"}
              </Button>
            ) : null}
          </form>
        )}
      </td>
      <td className="py-2 pr-3">
        <div>{row.disabled ? "Disabled" : "Active"}</div>
        {row.self ? null : confirming ? (
          <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label={`Disable ${row.name}?`}>
            <Button type="button" variant="danger" disabled={pending} onClick={() => update({ role: row.role, disabled: true })}>
              {pending ? "Disabling…" : "Disable and sign out"}
            </Button>
            <Button type="button" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        ) : row.disabled ? (
          <Button type="button" className="mt-1" disabled={pending} onClick={() => update({ role: row.role, disabled: false })} aria-label={`Enable ${row.name}`}>
            {pending ? "Enabling…" : "Enable"}
          </Button>
        ) : (
          <Button type="button" className="mt-1" onClick={() => setConfirming(true)} aria-label={`Disable ${row.name}`}>
            Disable…
          </Button>
        )}
      </td>
      <td className="py-2 pr-3 text-right tabular-nums">{row.sessions}</td>
      <td className="py-2 whitespace-nowrap text-muted">{row.created}</td>
    </tr>
  );
}
