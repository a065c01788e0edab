// Test helpers for the public API: call a route handler by URL, as `next start` routes it; and the
// JSON Schema of one documented response as a zod validator (zod's own fromJSONSchema; no JSON
// Schema library is installed). Component refs are rewritten to $defs and `default` keywords
// dropped, so a missing field is an error, not a default.
import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import * as index from "@/app/api/v1/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as bulk from "@/app/api/v1/bulk/[file]/route";
import * as changes from "@/app/api/v1/feeds/changes.atom/route";
import * as countryFeed from "@/app/api/v1/feeds/countries/[file]/route";
import * as kindFeed from "@/app/api/v1/feeds/kinds/[file]/route";
import * as sourcesList from "@/app/api/v1/sources/route";
import * as sourcesRecord from "@/app/api/v1/sources/[idOrSlug]/route";
import * as actorsList from "@/app/api/v1/actors/route";
import * as actorsRecord from "@/app/api/v1/actors/[idOrSlug]/route";
import * as participationList from "@/app/api/v1/participation/route";
import * as participationRecord from "@/app/api/v1/participation/[idOrSlug]/route";
import * as commitmentsList from "@/app/api/v1/commitments/route";
import * as commitmentsRecord from "@/app/api/v1/commitments/[idOrSlug]/route";
import * as sitesList from "@/app/api/v1/sites/route";
import * as sitesRecord from "@/app/api/v1/sites/[idOrSlug]/route";
import * as pollsList from "@/app/api/v1/polls/route";
import * as pollsRecord from "@/app/api/v1/polls/[idOrSlug]/route";
import * as eventsList from "@/app/api/v1/events/route";
import * as eventsRecord from "@/app/api/v1/events/[idOrSlug]/route";
import * as claimsList from "@/app/api/v1/claims/route";
import * as claimsRecord from "@/app/api/v1/claims/[idOrSlug]/route";

type Doc = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>; components?: { schemas?: Record<string, unknown> } };

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== "default")
        .map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", "#/$defs/") : rewrite(v)]),
    );
  }
  return value;
}

/** A zod schema of the documented body of GET `path` answering `status` with `mediaType`. */
export function documentedSchema(path: string, status = "200", mediaType = "application/json"): z.ZodType {
  const doc = openApiDocument() as unknown as Doc;
  const op = doc.paths[path]?.get;
  if (!op) throw new Error(`The OpenAPI document has no GET ${path}`);
  const schema = op.responses[status]?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`The OpenAPI document has no ${mediaType} body for GET ${path} ${status}`);
  return z.fromJSONSchema({ ...(rewrite(schema) as object), $defs: rewrite(doc.components?.schemas ?? {}) } as never);
}

/** Every documented GET path of the document. */
export function documentedPaths(): string[] {
  return Object.keys((openApiDocument() as unknown as Doc).paths);
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Record<string, unknown>;

const LISTS: Record<string, Module> = {
  sources: sourcesList,
  actors: actorsList,
  participation: participationList,
  commitments: commitmentsList,
  sites: sitesList,
  polls: pollsList,
  events: eventsList,
  claims: claimsList,
};
const RECORDS: Record<string, Module> = {
  sources: sourcesRecord,
  actors: actorsRecord,
  participation: participationRecord,
  commitments: commitmentsRecord,
  sites: sitesRecord,
  polls: pollsRecord,
  events: eventsRecord,
  claims: claimsRecord,
};

/** Calls the route handler that serves a path (as next start would), with optional request headers. */
export async function apiGet(pathAndQuery: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  const url = new URL(pathAndQuery, "http://tracker.test");
  const parts = url.pathname.replace(/^\/api\/v1\/?/, "").split("/").filter(Boolean);
  let mod: Module;
  // As Next.js does: routes without a dynamic segment get no params.
  let params: Record<string, string> | undefined = undefined;
  if (parts.length === 0) mod = index;
  else if (parts[0] === "openapi.json") mod = openapi;
  else if (parts[0] === "bulk" && parts.length === 2) [mod, params] = [bulk, { file: parts[1] }];
  else if (parts[0] === "feeds" && parts[1] === "changes.atom") mod = changes;
  else if (parts[0] === "feeds" && parts[1] === "countries") [mod, params] = [countryFeed, { file: parts[2] }];
  else if (parts[0] === "feeds" && parts[1] === "kinds") [mod, params] = [kindFeed, { file: parts[2] }];
  else if (LISTS[parts[0]] && parts.length === 1) mod = LISTS[parts[0]];
  else if (RECORDS[parts[0]] && parts.length === 2) [mod, params] = [RECORDS[parts[0]], { idOrSlug: decodeURIComponent(parts[1]) }];
  else throw new Error(`No route serves ${url.pathname}`);
  const handler = mod[method] as Handler | undefined;
  if (!handler) throw new Error(`${url.pathname} has no ${method} handler`);
  return handler(new Request(url, { method, headers }), { params: params && Promise.resolve(params) } as never);
}

/** GET and parse a JSON body, with the response. */
export async function apiJson<T = Record<string, unknown>>(pathAndQuery: string): Promise<{ res: Response; body: T }> {
  const res = await apiGet(pathAndQuery);
  return { res, body: (await res.json()) as T };
}
