import type { Metadata } from "next";
import { AccountPasswordForm } from "@/components/admin/account-password-form";
import { AccountSignOutEverywhere } from "@/components/admin/account-sign-out-everywhere";
import { requireActor } from "@/lib/admin/session";
import { listActiveSessions } from "@/lib/db/sessions";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

export const metadata: Metadata = { title: "Your account" };

const ROLE_SUMMARY: Record<Role, string> = {
  EDITOR: "You can create and edit drafts and submit them for review.",
  REVIEWER: "You can edit drafts, and publish, retract and restore records (never a change of your own alone).",
  ADMIN: "You can do everything a reviewer can, and manage users.",
};

/** "Firefox on Linux" from a user-agent string; enough to recognise one's own devices. */
function describeAgent(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "A browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  return os ? `${browser} on ${os}` : browser;
}

export default async function AccountPage() {
  const actor = await requireActor();
  const sessions = await listActiveSessions(actor.id);
  return (
    <div className="space-y-8">
      <section className="space-y-2" aria-labelledby="account-heading">
        <h1 id="account-heading" className="text-2xl font-semibold">
          Your account
        </h1>
        <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="text-muted">E-mail</dt>
          <dd className="break-all">{actor.email}</dd>
          <dt className="text-muted">Role</dt>
          <dd>{ROLE_LABELS[actor.role]}</dd>
        </dl>
        <p className="max-w-prose text-sm text-muted">{ROLE_SUMMARY[actor.role]} An admin changes roles.</p>
      </section>

      <section className="space-y-3" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change your password
        </h2>
        <p className="max-w-prose text-sm text-muted">Changing it signs out every other browser where you are signed in.</p>
        <AccountPasswordForm email={actor.email} />
      </section>

      <section className="space-y-3" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your open sessions: device, when each was opened and last renewed, and its address</caption>
            <thead className="border-b border-rule text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Browser
                </th>
                <th scope="col" className="py-2 pr-3">
                  Signed in
                </th>
                <th scope="col" className="py-2 pr-3">
                  Last renewed
                </th>
                <th scope="col" className="py-2">
                  Address
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <span title={s.userAgent ?? undefined}>{describeAgent(s.userAgent)}</span>
                    {s.id === actor.sessionId ? <span className="font-medium"> (this browser)</span> : null}
                  </th>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(s.createdAt)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(s.updatedAt)}</td>
                  <td className="py-2 text-muted">{s.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="max-w-prose text-sm text-muted">
          A session is renewed at most once a day while in use and ends after a week without use. If you do not recognise a session, change your password:
          that signs out every other browser. &ldquo;Sign out everywhere&rdquo; ends this one too.
        </p>
        <AccountSignOutEverywhere />
      </section>
    </div>
  );
}
