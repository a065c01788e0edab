import Link from "next/link";

// 404 of a country page: an unknown code, or a page number past the end of one of its lists.
export default function CountryNotFound() {
  return (
    <div role="alert" className="space-y-2 py-8">
      <h1 className="text-2xl font-semibold">Not found · Не знайдено</h1>
      <p className="text-muted">
        No published country or organisation has this code, or one of its lists has fewer pages than the page asked for.
      </p>
      <p className="text-muted">Жодна опублікована країна чи організація не має такого коду, або в одному з її списків менше сторінок, ніж запитано.</p>
      <p>
        <Link href="/countries" className="text-accent underline">
          Countries and organisations · Країни та організації
        </Link>
      </p>
    </div>
  );
}
