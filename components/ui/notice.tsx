import type { ReactNode } from "react";

const TONES = {
  info: "border-accent/40 bg-subtle",
  success: "border-green-700/50 bg-green-50 dark:bg-green-950",
  warning: "border-amber-600/60 bg-amber-50 dark:bg-amber-950",
  error: "border-red-700/60 bg-red-50 dark:bg-red-950",
} as const;

/** A boxed message; errors are announced (role=alert), others politely (role=status). */
export function Notice({ tone = "info", title, children }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border p-3 text-sm ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children}
    </div>
  );
}
