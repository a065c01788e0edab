import Link from "next/link";

// 404 of the capacity page: a page number past the end of its per-country details.
export default function CapacityNotFound() {
  return (
    <div role="alert" className="space-y-2 py-8">
      <h1 className="text-2xl font-semibold">Not found · Не знайдено</h1>
      <p className="text-muted">The per-country details have fewer pages than the page asked for.</p>
      <p className="text-muted">Подробиці за країнами мають менше сторінок, ніж запитано.</p>
      <p>
        <Link href="/capacity" className="text-accent underline">
          Capacity check · Перевірка спроможності
        </Link>
      </p>
    </div>
  );
}
