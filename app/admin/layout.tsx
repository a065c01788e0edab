import type { Metadata } from "next";

// Editors only: never indexed, never framed (next.config.ts), never cached.
export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Security Guarantees Tracker" },
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <div className="admin">{children}</div>;
}
