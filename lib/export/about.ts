// Licence, citation and the published-data rules that travel with every download and response.
import { isoDay } from "@/lib/format";

export const DATASET_TITLE = "Security Guarantees Tracker: security guarantees offered to Ukraine";

/** The data is CC BY 4.0; the code that serves it is MIT. */
export const LICENCE = {
  data: { name: "CC BY 4.0", identifier: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  code: { name: "MIT", identifier: "MIT" },
} as const;

/** The public origin for links inside downloads (PUBLIC_URL), or null: the files never depend on the request's host. */
export function publicOrigin(): string | null {
  const url = process.env.PUBLIC_URL;
  return url ? url.replace(/\/+$/, "") : null;
}

/** How to cite a release of the dataset, with the date its data is as of. */
export function citationText(release: number, dataAsOf: Date | null, origin: string | null = publicOrigin()): string {
  const year = (dataAsOf ?? new Date(0)).getUTCFullYear();
  const asOf = dataAsOf ? `, data as of ${isoDay(dataAsOf)}` : "";
  const where = origin ? ` ${origin}/data.` : "";
  return (
    `Security Guarantees Tracker (${year}). Security guarantees offered to Ukraine, dataset release ${release}${asOf}.${where} ` +
    `Licensed under ${LICENCE.data.name}. Please also cite the original sources listed with each record.`
  );
}

/** Fair use of the API, as documented on the Data page and in the OpenAPI document. */
export const RATE_LIMIT = {
  perMinute: 60,
  text:
    "Please keep to 60 requests a minute per client and use the bulk downloads for everything else. Responses are cached " +
    "(60 s in browsers, 5 minutes at the CDN) and carry an ETag: a conditional request (If-None-Match) that has not changed " +
    "costs almost nothing and returns 304. The limit is not enforced by the application; the CDN may throttle clients that ignore it.",
} as const;
