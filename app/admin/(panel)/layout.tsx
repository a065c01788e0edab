import Link from "next/link";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { ENTITIES, ENTITY_KEYS } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { ROLE_LABELS, can } from "@/lib/permissions";

export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded border border-rule bg-subtle px-3 py-2 text-sm">
        <nav aria-label="Admin">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            <li>
              <Link href="/admin" className="font-semibold underline-offset-2 hover:underline">
                Admin
              </Link>
            </li>
            {ENTITY_KEYS.map((k) => (
              <li key={k}>
                <Link href={`/admin/${k}`} className="underline-offset-2 hover:underline">
                  {ENTITIES[k].plural}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/admin/import" className="underline-offset-2 hover:underline">
                Import CSV
              </Link>
            </li>
            {can(actor, "manageUsers") ? (
              <li>
                <Link href="/admin/users" className="underline-offset-2 hover:underline">
                  Users
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="flex items-center gap-3">
          <Link href="/admin/account" className="underline-offset-2 hover:underline">
            {actor.name} · {ROLE_LABELS[actor.role]}
          </Link>
          <SignOutButton />
        </div>
      </div>
      {children}
    </div>
  );
}
