import Link from "next/link";

// A list page past the last one (?page=99): a 404 with the way back to the first page.
export default function TimelineNotFound() {
  return (
    <div role="alert" className="rounded border border-stage-ruled-out bg-stage-ruled-out/30 p-4">
      <h1 className="text-lg font-semibold">This page of the timeline does not exist</h1>
      <p className="mt-2 text-sm">
        The list has fewer pages for these filters. <Link href="/timeline" className="text-accent underline">Go to the timeline</Link> ·{" "}
        <Link href="/timeline?lang=uk" className="text-accent underline" lang="uk">
          Хронологія
        </Link>
      </p>
    </div>
  );
}
