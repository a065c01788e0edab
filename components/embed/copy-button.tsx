"use client";
// Copies a read-only text field (the snippet or a citation); without JavaScript the field itself
// can be selected and copied.
import { useState } from "react";

export function CopyButton({ target, label, done }: { target: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-rule bg-surface px-3 py-1 text-sm font-medium hover:border-ink"
      onClick={async () => {
        const el = document.getElementById(target) as HTMLTextAreaElement | null;
        if (!el) return;
        await navigator.clipboard.writeText(el.value);
        setCopied(true);
      }}
    >
      <span aria-live="polite">{copied ? done : label}</span>
    </button>
  );
}
