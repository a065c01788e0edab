import type { Metadata } from "next";
import Link from "next/link";
import { listActors } from "@/lib/db/countries";
import { COUNTRY } from "@/lib/i18n/messages/countries";
import { requestLang } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Countries and organisations" };

export default async function CountriesPage() {
  const [lang, actors] = await Promise.all([requestLang(), listActors()]);
  const q = lang === "uk" ? "?lang=uk" : "";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{COUNTRY.indexTitle[lang]}</h1>
        <p className="text-muted">{COUNTRY.indexIntro[lang]}</p>
      </header>
      <ul className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
        {actors.map((a) => (
          <li key={a.slug} className="flex items-baseline justify-between border-b border-rule py-2">
            <Link href={`/countries/${(a.iso2 ?? a.slug).toLowerCase()}${q}`} className="text-accent underline">
              {lang === "uk" && a.nameUk ? a.nameUk : a.name}
            </Link>
            <span className="text-sm text-muted tabular-nums">
              {a.commitments} {COUNTRY.commitmentsCount[lang]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
