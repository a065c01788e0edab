// One definition per embeddable chart: the public view it mirrors (path and zod schema), which
// parameters select its data (the snapshot key), how to load that data (the view's own cached
// loader) and how to turn it into an EmbedModel (the view's own transforms).
import type { z } from "zod";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref, type Params } from "@/lib/url";
import type { ChartId, EmbedModel, ModelContext } from "@/lib/embed/model";

export type LoadResult<D> = { ok: true; data: D } | { ok: false; status: 404 | 422; errors: string[] };

/** Turns stored data of one version into the next version's shape. */
export type DataMigration = { reason: string; up: (data: unknown) => unknown };

export type ChartDef<P, D> = {
  id: ChartId;
  /**
   * Version of the loaded data's shape, stored with every frozen snapshot (default 1). A change to
   * the shape bumps it and adds `migrations[old]`, so embeds frozen in published articles keep
   * rendering forever.
   */
  dataVersion?: number;
  /** `migrations[v]` turns version v data into version v + 1 (each with a one-line reason). */
  migrations?: Record<number, DataMigration>;
  /** The matching public view's parameter schema (the same zod schema the page parses). */
  schema: z.ZodType<P>;
  /** Path of the public view, e.g. "/timeline" or "/countries/gb". */
  viewPath: (p: P) => string;
  /** The view's own query parameters (filters and date), without the language. */
  viewQuery: (p: P) => Params;
  /** The parameters the loaded data depends on (key of a frozen snapshot). */
  dataOptions: (p: P) => Record<string, unknown>;
  load: (p: P) => Promise<LoadResult<D>>;
  model: (data: D, p: P, ctx: ModelContext) => EmbedModel;
};

/** A chart with its parameters parsed and bound; the data type is hidden behind `unknown`. */
export type BoundChart = {
  id: ChartId;
  dataVersion: number;
  /** Stored data of `version` in this chart's current shape. */
  migrate: (data: unknown, version: number) => unknown;
  viewPath: string;
  viewQuery: Params;
  /** Canonical data options: keys sorted by the caller's canonical JSON, lists sorted here. */
  dataOptions: Record<string, unknown>;
  load: () => Promise<LoadResult<unknown>>;
  model: (data: unknown, ctx: ModelContext) => EmbedModel;
};

export type Chart = {
  id: ChartId;
  /** Parses a query (the path's code, for the country card, as `code`); bad values → messages. */
  bind: (query: RawSearchParams) => { ok: true; chart: BoundChart } | { ok: false; errors: string[] };
};

const sortLists = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : (v ?? null)]));

/** Wraps a typed definition into a Chart whose parsed parameters travel with it. */
export function defineChart<P, D>(def: ChartDef<P, D>): Chart {
  return {
    id: def.id,
    bind(query) {
      const parsed = parseView(def.schema, query);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const p = parsed.value as P;
      return {
        ok: true,
        chart: {
          id: def.id,
          dataVersion: def.dataVersion ?? 1,
          migrate: (data, version) => migrateData(def, data, version),
          viewPath: def.viewPath(p),
          viewQuery: def.viewQuery(p),
          dataOptions: sortLists(def.dataOptions(p)),
          load: () => def.load(p),
          model: (data, ctx) => def.model(data as D, p, ctx),
        },
      };
    },
  };
}

/** The public view's URL (path and query) for a bound chart, in a language. */
export function viewUrl(c: Pick<BoundChart, "viewPath" | "viewQuery">, lang: "en" | "uk", origin = ""): string {
  return origin + viewHref(c.viewPath, { ...c.viewQuery, lang: lang === "uk" ? "uk" : undefined });
}

/** Stored data of `version` brought up to the definition's current data version, step by step. */
export function migrateData(def: Pick<ChartDef<unknown, unknown>, "id" | "dataVersion" | "migrations">, data: unknown, version: number): unknown {
  const target = def.dataVersion ?? 1;
  let out = data;
  for (let v = version; v < target; v++) {
    const m = def.migrations?.[v];
    if (!m) throw new Error(`${def.id}: no migration of stored data from version ${v} to ${v + 1}`);
    out = m.up(out);
  }
  return out;
}
