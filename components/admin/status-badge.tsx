const STYLES: Record<string, string> = {
  PUBLISHED: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  RETRACTED: "bg-zinc-200 text-zinc-800 line-through dark:bg-zinc-700 dark:text-zinc-100",
  DRAFT: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  IN_REVIEW: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
};
const LABELS: Record<string, string> = { PUBLISHED: "Published", RETRACTED: "Retracted", DRAFT: "Draft", IN_REVIEW: "In review" };

/** A record or draft status as text on a tint (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[status] ?? ""}`}>{LABELS[status] ?? status}</span>;
}
