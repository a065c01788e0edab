import Link from "next/link";

// 404 of the sources page: a page number past the end of the list.
export default function SourcesNotFound() {
  return (
    <div role="alert" className="space-y-2 py-8">
      <h1 className="text-2xl font-semibold">Not found · Не знайдено</h1>
      <p className="text-muted">The list of sources has fewer pages than the page asked for.</p>
      <p className="text-muted">У списку джерел менше сторінок, ніж запитано.</p>
      <p>
        <Link href="/sources" className="text-accent underline">
          Sources · Джерела
        </Link>
      </p>
    </div>
  );
}
