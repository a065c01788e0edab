import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { COMMON } from "@/lib/i18n/common";
import { requestLang, requestUrl } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Security Guarantees Tracker", template: "%s · Security Guarantees Tracker" },
  description:
    "Who has offered what to guarantee Ukraine's security: Coalition of the Willing pledges, hubs, binding commitments, parliamentary approval and public opinion, every fact sourced.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [lang, url] = await Promise.all([requestLang(), requestUrl()]);
  return (
    <html lang={lang}>
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-surface focus:p-2">
          {COMMON.skip[lang]}
        </a>
        <SiteHeader lang={lang} url={url} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl space-y-2 border-t border-rule px-4 py-6 text-sm text-muted">
          <p>{COMMON.footer[lang]}</p>
          <p>
            <Link href={lang === "uk" ? "/corrections?lang=uk" : "/corrections"} className="text-accent underline">
              {COMMON.corrections[lang]}
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
