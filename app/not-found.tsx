import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">
        There is nothing at this address. <Link href="/" className="text-accent underline">Go to the overview</Link>.
      </p>
    </div>
  );
}
