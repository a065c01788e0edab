import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Security Guarantees Tracker", template: "%s · Security Guarantees Tracker" },
  description:
    "Who has offered what to guarantee Ukraine's security: Coalition of the Willing pledges, hubs, binding commitments, parliamentary approval and public opinion, every fact sourced.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-rule">
          <div className="mx-auto flex max-w-6xl items-baseline justify-between gap-4 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight">
              Security Guarantees Tracker
            </Link>
            <span className="text-sm text-muted">Ukraine · Coalition of the Willing</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl border-t border-rule px-4 py-6 text-sm text-muted">
          Every fact cites its sources. Claims we could not verify are shown as unverified, never as facts.
          Valid time (when things happened) and record time (when we recorded them) are kept apart.
        </footer>
      </body>
    </html>
  );
}
