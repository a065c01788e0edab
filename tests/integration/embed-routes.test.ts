// The /embed surface end to end through its route handlers, on the seeded database: every chart
// as finished HTML within budget, its downloads, its options and its cache behaviour.
import { inflateSync, gzipSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as embed } from "@/app/embed/[chart]/route";
import { GET as card } from "@/app/embed/country/[code]/route";
import { GET as oembedRoute } from "@/app/oembed/route";
import { db } from "@/lib/db/client";
import { forgetRelease } from "@/lib/db/release";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";
import { CHART_IDS } from "@/lib/embed/model";

const ORIGIN = "http://tracker.test";
// Every embed (the registry's ids; the country card shows a country).
const CHARTS = CHART_IDS.map((c) => (c === "country" ? "country/gb" : c));

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(ORIGIN + path, { headers });
  const m = /^\/embed\/(?:country\/)?([^?]+)/.exec(path)!;
  return path.startsWith("/embed/country/")
    ? card(request, { params: Promise.resolve({ code: m[1] }) })
    : embed(request, { params: Promise.resolve({ chart: m[1] }) });
}
const text = async (path: string, headers: Record<string, string> = {}) => {
  const r = await get(path, headers);
  return { r, body: await r.text() };
};
const tableRows = (html: string) => (/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1].match(/<tr>/g) ?? []).length;
const csvRows = (csv: string) => csv.trimEnd().split("\r\n").length - 1;
/** Rows the data table stands for: its rows, or where it counts items per month (the timeline when there are many), the sum of its totals. */
function tableItems(html: string): number {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  if (!/<caption>Items per month and lane<\/caption>/.test(html)) return tableRows(html);
  return [...body.matchAll(/<td>(\d+)<\/td><\/tr>/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** Decodes a PNG's pixel data (zlib) and checks it has one filter byte plus RGBA per pixel per row. */
function decodePng(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length; ) {
    const len = b.readUInt32BE(o);
    if (b.toString("ascii", o + 4, o + 8) === "IDAT") idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const bytesPerPixel = b[25] === 6 ? 4 : 3;
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * bytesPerPixel));
  return { width, height };
}

beforeAll(async () => {
  await seedDatabase(db(), parseSeed(readSeedFiles()));
  forgetRelease();
});

describe("embeds", () => {
  it.each(CHARTS)("%s: finished HTML with title, description, chart, source line, live link and data table, under 30 KB gzip, no script but the resize script", async (chart) => {
    const { r, body } = await text(`/embed/${chart}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=86400");
    expect(r.headers.get("set-cookie")).toBeNull();
    expect(body).toMatch(/^<!doctype html><html lang="en">/);
    expect(body).toMatch(/<h1 id="sgt-t">[^<]+<\/h1>/);
    const desc = /<p id="sgt-d" class="sgt-d">([^<]+)<\/p>/.exec(body)?.[1];
    expect(desc?.length).toBeGreaterThan(40);
    expect(body).toContain('<figure class="sgt-c" aria-labelledby="sgt-t" aria-describedby="sgt-d"');
    expect(body).toMatch(/<svg[^>]*viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(body).toMatch(/<title[^>]*>[^<]+<\/title><desc[^>]*>[^<]+<\/desc>/);
    expect(body).toMatch(/Source: [^<]+; Security Guarantees Tracker, updated \d{1,2} [A-Z][a-z]{2} 20\d\d\. <a href="http:\/\/tracker\.test\/[^"]*">Live chart ↗<\/a>/);
    expect(body).toContain("<details><summary>Data table</summary>");
    // The only script is the inline resize script (on by default); nothing is needed to render.
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body).toMatch(/<script>addEventListener\("load".*sgt-embed-resize.*<\/script><\/body><\/html>$/);
    expect(body).not.toMatch(/<script src|<form|<link rel="stylesheet"|<img/);
    expect((await text(`/embed/${chart}?resize=0`)).body).not.toMatch(/<script/);
    expect(gzipSync(body).length).toBeLessThanOrEqual(30 * 1024);

    // The CSV of the chart has one row per item the data table lists or counts (what the chart shows).
    const csv = await (await get(`/embed/${chart}.csv`)).text();
    expect(csvRows(csv)).toBe(tableItems(body));
    expect(csvRows(csv)).toBeGreaterThan(0);
  });

  it.each(CHARTS)("%s: SVG download parses and says what it shows; PNG decodes", async (chart) => {
    const svgRes = await get(`/embed/${chart}.svg`);
    expect(svgRes.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await svgRes.text();
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<title id="sa-t">[^<]+<\/title><desc id="sa-d">[^<]+<\/desc>/);
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(words).toMatch(/Source: .+ Security Guarantees Tracker, updated \d{1,2} [A-Z][a-z]{2} 20\d\d\./s);
    // Static colours for any viewer: no custom properties or colour-scheme queries left.
    expect(svg).not.toMatch(/var\(--|prefers-color-scheme/);
    const parsed = new Resvg(svg);
    expect(parsed.width).toBeGreaterThan(500);
    const png = decodePng(new Uint8Array(await (await get(`/embed/${chart}.png`)).arrayBuffer()));
    expect(png.width).toBe(Math.min(2400, 2 * parsed.width));
    expect(decodePng(new Uint8Array(await (await get(`/embed/${chart}.png?size=og`)).arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });

  it("serves the same bytes with or without a session cookie, and 304 for a known ETag", async () => {
    const a = await text("/embed/timeline?actor=gb");
    const b = await text("/embed/timeline?actor=gb", { cookie: "better-auth.session_token=abc.def; other=1" });
    expect(b.body).toBe(a.body);
    const etag = a.r.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await get("/embed/timeline?actor=gb", { "if-none-match": `W/"x", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("applies the view's filters with the view's own rules, and ignores unknown options", async () => {
    const all = await text("/embed/commitments");
    const troops = await text("/embed/commitments?kind=TROOPS&foo=bar&utm_source=x");
    expect(tableRows(troops.body)).toBeLessThan(tableRows(all.body));
    expect(troops.body).toContain("Active filters — Kind: Troops / force contribution.");
    expect(troops.body).toBe((await text("/embed/commitments?kind=TROOPS")).body);
    const early = await text("/embed/polls?asOf=2025-03-01");
    expect(tableRows(early.body)).toBeLessThan(tableRows((await text("/embed/polls")).body));
  });

  it("shows bad options as a clear message inside the embed, with a 4xx and a way to the live view", async () => {
    const bad = await text("/embed/timeline?theme=purple&kind=NOPE&asOf=2999-01-01");
    expect(bad.r.status).toBe(422);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain("This chart could not be shown");
    expect(bad.body).toContain("theme: Use light, dark or auto.");
    expect(bad.body).toContain("kind.0: Unknown kind.");
    expect(bad.body).toContain("The as-of date is in the future");
    expect(bad.body).toContain("Open the live view ↗");
    const actor = await text("/embed/timeline?actor=atlantis");
    expect([actor.r.status, actor.body.includes("Unknown actor")]).toEqual([422, true]);
    const none = await text("/embed/nope");
    expect(none.r.status).toBe(404);
    expect(none.body).toContain("There is no chart called “nope”");
    expect((await text("/embed/country/zz")).r.status).toBe(404);
    const csv = await get("/embed/polls.csv?country=XX");
    expect(csv.status).toBe(422);
    expect((await csv.json()).error.issues[0]).toContain("Unknown country code XX");
  });

  it("honours theme, language, title and notes", async () => {
    const uk = (await text("/embed/country/fr?lang=uk&theme=dark&title=0&notes=0")).body;
    expect(uk).toMatch(/^<!doctype html><html lang="uk">/);
    expect(uk).toContain("Франція: зобов’язання");
    expect(uk).toContain('<h1 id="sgt-t" class="sgt-sr">');
    expect(uk).toContain('<p id="sgt-d" class="sgt-sr">');
    expect(uk).toContain("Джерело: ");
    expect(uk).toContain("Таблиця даних");
    expect(uk).toContain("color-scheme:dark");
    expect(uk).not.toContain("prefers-color-scheme");
    const light = (await text("/embed/country/fr?theme=light")).body;
    expect(light).toContain("color-scheme:light");
    expect(light).not.toMatch(/prefers-color-scheme|#14181d/);
    const auto = (await text("/embed/country/fr")).body;
    expect(auto).toContain("@media (prefers-color-scheme:dark)");
    // The auto-height script is on unless resize=0, and posts only a height.
    const resize = (await text("/embed/country/fr?resize=1")).body;
    expect(resize).toMatch(/<script>addEventListener\("load".*sgt-embed-resize.*<\/script><\/body><\/html>$/);
    expect(resize.match(/<script/g)).toHaveLength(1);
    expect((await text("/embed/country/fr?resize=0")).body).not.toContain("<script");
  });
});

describe("oEmbed", () => {
  const call = (q: string) => oembedRoute(new Request(`${ORIGIN}/oembed?${q}`));

  it("answers a public view's URL with the builder's iframe at its declared height", async () => {
    const url = `${ORIGIN}/timeline?actor=gb&lang=uk`;
    const r = await call(`url=${encodeURIComponent(url)}&format=json`);
    expect(r.status).toBe(200);
    const j = await r.json();
    expect(j).toMatchObject({ version: "1.0", type: "rich", provider_name: "Security Guarantees Tracker", provider_url: `${ORIGIN}/`, width: 640 });
    expect(j.title).toBe("Хронологія самітів, обіцянок, заяв і голосувань");
    expect(j.html).toBe(
      `<iframe src="${ORIGIN}/embed/timeline?actor=gb&amp;lang=uk" title="${j.title}" width="100%" height="${j.height}" style="width:100%;height:${j.height}px;border:0" loading="lazy"></iframe>`,
    );
    expect(j.thumbnail_url).toBe(`${ORIGIN}/embed/timeline.png?actor=gb&lang=uk&size=og`);
    const small = await (await call(`url=${encodeURIComponent(url)}&maxwidth=400&maxheight=300`)).json();
    expect([small.width, small.height, small.thumbnail_url]).toEqual([400, 300, undefined]);
    expect((await (await call(`url=${encodeURIComponent(`${ORIGIN}/map?view=ukraine`)}`)).json()).html).toContain("/embed/ukraine-map");
  });

  it("refuses foreign or unknown URLs (404) and formats other than JSON (501)", async () => {
    expect((await call(`url=${encodeURIComponent("https://evil.example/timeline")}`)).status).toBe(404);
    expect((await call(`url=${encodeURIComponent(`${ORIGIN}/admin`)}`)).status).toBe(404);
    expect((await call("url=not-a-url")).status).toBe(404);
    expect((await call(`url=${encodeURIComponent(`${ORIGIN}/timeline`)}&format=xml`)).status).toBe(501);
  });
});
