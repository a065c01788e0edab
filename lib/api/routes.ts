// The handlers behind the /api/v1 route files: records (list and single), bulk files, feeds,
// the OpenAPI document and the index. Each route file is a one-line binding to one of these.
import { getFeed, type FeedScope } from "@/lib/db/api/feeds";
import { getPublicRecord, listPublicRecords } from "@/lib/db/api/records";
import { getBundle } from "@/lib/db/api/bulk";
import type { EntityKey } from "@/lib/db/records";
import { currentRelease } from "@/lib/db/release";
import { LICENCE, RATE_LIMIT, publicOrigin } from "@/lib/export/about";
import { ARCHIVE_NAME } from "@/lib/export/bundle";
import { ENTITIES } from "@/lib/export/fields";
import { CommitmentKind } from "@/lib/generated/prisma/enums";
import { LIST_PARAMS, NO_PARAMS, type AnyListParams } from "@/lib/schemas/api";
import { renderAtom } from "./atom";
import { handle, invalidParameters, notFound, preflight, respond, respondJson } from "./http";
import { openApiDocument } from "./openapi";
import { decodeCursor, encodeCursor, parseQuery } from "./params";

type Params<K extends string> = { params: Promise<Record<K, string>> };

const releaseMeta = (r: { number: number; publishedAt: Date | null }) => ({
  release: r.number,
  dataAsOf: r.publishedAt?.toISOString() ?? null,
  licence: LICENCE.data.name,
});

/** OPTIONS: the CORS preflight answer every API route gives. */
export async function OPTIONS(): Promise<Response> {
  return preflight();
}

/** GET /api/v1/<table>: a page of published records. */
export function listHandler(entity: EntityKey) {
  return handle(async (request: Request) => {
    const url = new URL(request.url);
    const parsed = parseQuery(LIST_PARAMS[entity], url);
    if (!parsed.ok) return invalidParameters(request, parsed.issues);
    const { cursor, ...filters } = parsed.value as AnyListParams;
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after === null) return invalidParameters(request, [{ path: "cursor", message: "This is not a cursor from this API: use the `next` value of the previous page." }]);
    const limit = filters.limit ?? 100;
    const release = await currentRelease();
    const page = await listPublicRecords(entity, { ...filters, limit, ...(after ? { after } : {}) });
    if (!page.ok) return invalidParameters(request, page.issues);
    const next = page.next === null ? null : encodeCursor(page.next);
    const headers: Record<string, string> = {};
    if (next) {
      const nextUrl = new URL(url);
      nextUrl.searchParams.set("cursor", next);
      headers.Link = `<${nextUrl.pathname}${nextUrl.search}>; rel="next"`;
    }
    const { licence, ...rel } = releaseMeta(release);
    const body = {
      data: page.records,
      next,
      meta: { ...rel, asOf: filters.asOf ?? null, count: page.records.length, total: page.total, limit, licence },
    };
    return respondJson(request, body, { headers, release: release.number });
  });
}

/** GET /api/v1/<table>/<idOrSlug>: one published record. */
export function recordHandler(entity: EntityKey) {
  return handle(async (request: Request, { params }: Params<"idOrSlug">) => {
    const parsed = parseQuery(NO_PARAMS, new URL(request.url));
    if (!parsed.ok) return invalidParameters(request, parsed.issues);
    const { idOrSlug } = await params;
    const release = await currentRelease();
    const record = await getPublicRecord(entity, idOrSlug);
    if (!record) return notFound(request, `No ${entity === "participation" ? "participation record" : entity.replace(/s$/, "")} "${idOrSlug}"`);
    return respondJson(request, { data: record, meta: releaseMeta(release) }, { release: release.number });
  });
}

/** GET /api/v1/bulk/<file>: one bulk file of the current release. */
export const bulkHandler = handle(async (request: Request, { params }: Params<"file">) => {
  const parsed = parseQuery(NO_PARAMS, new URL(request.url));
  if (!parsed.ok) return invalidParameters(request, parsed.issues);
  const { file } = await params;
  const bundle = await getBundle();
  const f = bundle.files.find((x) => x.name === file);
  if (!f) return notFound(request, `The bulk file "${file}"`);
  const inline = f.format === "json" || f.name === "SHA256SUMS";
  const name = f.name === ARCHIVE_NAME ? `security-guarantees-tracker-release-${bundle.release}.zip` : f.name;
  return respond(request, f.bytes, {
    contentType: f.contentType,
    release: bundle.release,
    headers: { "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${name}"` },
  });
});

/** GET /api/v1/feeds/…: an Atom feed of published changes; 404 for an unknown country or kind. */
export function feedHandler(scopeOf: (segment: string | null) => FeedScope | null) {
  // changes.atom has no [file] segment: Next.js passes it no params at all.
  return handle(async (request: Request, context: { params?: Promise<{ file?: string }> }) => {
    const parsed = parseQuery(NO_PARAMS, new URL(request.url));
    if (!parsed.ok) return invalidParameters(request, parsed.issues);
    const segment = (await context?.params)?.file ?? null;
    const scope = scopeOf(segment);
    const release = await currentRelease();
    const feed = scope ? await getFeed(scope) : null;
    if (!feed) return notFound(request, `The feed "${segment}"`);
    const url = new URL(request.url);
    // Links and ids use the public origin when configured (behind a CDN the request's host may be internal).
    const xml = renderAtom(feed, { origin: publicOrigin() ?? url.origin, self: url.pathname, releasedAt: release.publishedAt });
    return respond(request, xml, { contentType: "application/atom+xml; charset=utf-8", release: release.number });
  });
}

const ATOM = /^([A-Za-z0-9_-]+)\.atom$/;
const KINDS = new Set<string>(Object.values(CommitmentKind));

/** `gb.atom` → the country's scope (validated by the loader). */
export function countryScope(segment: string | null): FeedScope | null {
  const m = segment?.match(ATOM);
  return m && /^[A-Za-z]{2}$/.test(m[1]) ? { kind: "country", iso2: m[1].toUpperCase() } : null;
}

/** `troops.atom` or `TROOPS.atom` → the commitment kind's scope. */
export function kindScope(segment: string | null): FeedScope | null {
  const value = segment?.match(ATOM)?.[1].toUpperCase().replace(/-/g, "_");
  return value && KINDS.has(value) ? { kind: "commitmentKind", value: value as CommitmentKind } : null;
}

/** GET /api/v1/openapi.json */
export const openApiHandler = handle(async (request: Request) => {
  const parsed = parseQuery(NO_PARAMS, new URL(request.url));
  if (!parsed.ok) return invalidParameters(request, parsed.issues);
  return respondJson(request, openApiDocument());
});

/** GET /api/v1: what the API offers. */
export const indexHandler = handle(async (request: Request) => {
  const parsed = parseQuery(NO_PARAMS, new URL(request.url));
  if (!parsed.ok) return invalidParameters(request, parsed.issues);
  return respondJson(request, {
    name: "Security Guarantees Tracker API",
    version: "v1",
    documentation: "/data",
    openapi: "/api/v1/openapi.json",
    tables: ENTITIES.map((e) => ({ name: e, list: `/api/v1/${e}`, record: `/api/v1/${e}/{idOrSlug}` })),
    bulk: { manifest: "/api/v1/bulk/manifest.json", dictionary: "/api/v1/bulk/dictionary.json", archive: `/api/v1/bulk/${ARCHIVE_NAME}` },
    feeds: { changes: "/api/v1/feeds/changes.atom", country: "/api/v1/feeds/countries/{iso2}.atom", kind: "/api/v1/feeds/kinds/{kind}.atom" },
    licence: LICENCE.data.name,
    rateLimit: RATE_LIMIT.text,
  });
});
