"use client";

export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-16">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-muted">The page could not be shown. The error has been logged.</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-rule px-3 py-1.5">
        Try again
      </button>
    </div>
  );
}
