// Paging of long lists with stable URLs (?page=2): the number is validated like every view
// parameter (proxy.ts answers a malformed one 400, the page says why; one past the last page is 404).
import { z } from "zod";
import { first } from "./search-params";

/** `page=N` (or `eventsPage=N`…): a whole number from 1; absent means 1. */
export const PageParam = z.preprocess(
  first,
  z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, "The page must be a whole number from 1, such as page=2.")
    .transform(Number)
    .optional(),
);

export type Paged<T> = { items: T[]; page: number; pages: number; total: number; size: number };

/** The `page`-th slice of `size` items; null when the page is past the last one (an empty list has page 1). */
export function paginate<T>(all: readonly T[], page: number | undefined, size: number): Paged<T> | null {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = page ?? 1;
  if (p > pages) return null;
  return { items: all.slice((p - 1) * size, p * size), page: p, pages, total: all.length, size };
}
