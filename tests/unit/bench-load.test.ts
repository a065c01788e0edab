import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { cacheTable, countCacheStatuses, renderCacheConfig } from "@/scripts/bench/load-cache";
import { MIX, parseActionResult, splitRate, summarize } from "@/scripts/bench/load-mix";

describe("the load test's read mix", () => {
  it("weights add up to 100 % and cover pages, embeds, the API and a bulk file", () => {
    expect(MIX.reduce((n, r) => n + r.weight, 0)).toBe(100);
    expect(new Set(MIX.map((r) => r.group))).toEqual(new Set(["pages", "embeds", "api", "bulk"]));
    for (const r of MIX) expect(r.paths.length).toBeGreaterThan(0);
  });

  it("splits a rate into whole requests that add up exactly, in proportion", () => {
    expect(splitRate(200, MIX).reduce((n, x) => n + x, 0)).toBe(200);
    expect(splitRate(200, MIX)).toEqual(MIX.map((r) => r.weight * 2));
    const small = splitRate(7, [{ weight: 50 }, { weight: 30 }, { weight: 20 }]);
    expect(small).toEqual([4, 2, 1]);
    expect(() => splitRate(0, MIX)).toThrow(/at least 1/);
    expect(() => splitRate(2.5, MIX)).toThrow(/whole number/);
  });
});

describe("latency percentiles", () => {
  it("uses nearest rank on the sorted values", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(summarize([]).count).toBe(0);
  });
});

describe("a server action's RSC answer", () => {
  it("reads the result from the row that row 0 points to", () => {
    const body = '0:{"a":"$@1","f":"","b":"abc"}\n1:{"ok":true,"entityId":"x1","draftVersion":3}\n';
    expect(parseActionResult(body)).toEqual({ ok: true, entityId: "x1", draftVersion: 3 });
  });

  it("reads a result held in row 0 itself", () => {
    expect(parseActionResult('0:{"a":{"ok":false,"code":"conflict"},"f":""}\n')).toEqual({ ok: false, code: "conflict" });
  });

  it("refuses an HTML page or a payload without the result row", () => {
    expect(() => parseActionResult("<!DOCTYPE html><html></html>")).toThrow(/Not a server action answer/);
    expect(() => parseActionResult('0:{"a":"$@2"}\n')).toThrow(/missing row 2/);
  });
});

describe("the load test's cache (nginx-cache.conf)", () => {
  const template = readFileSync("docs/deploy/nginx-cache.conf", "utf8");

  it("fills every placeholder and leaves the comments that name them alone", () => {
    const conf = renderCacheConfig(template, "/tmp/p", "127.0.0.1:9999", ["127.0.0.1:3001", "127.0.0.1:3002"]);
    expect(conf).toContain("proxy_cache_path /tmp/p/cache-pages ");
    expect(conf).toContain("listen 127.0.0.1:9999;");
    expect(conf).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=5s;\n    server 127.0.0.1:3002 max_fails=1 fail_timeout=5s;");
    expect(conf).toContain("#   {{PREFIX}}");
    expect(() => renderCacheConfig(template + "\nroot {{ROOT}};\n", "/tmp/p", "80", ["a:1"])).toThrow(/placeholder the load test does not fill: root \{\{ROOT\}\}/);
  });

  it("caches what the app allows and passes editors, sign-in and the client address through", () => {
    const directives = template
      .split("\n")
      .filter((l) => !l.trimStart().startsWith("#"))
      .join("\n");
    expect(directives).toMatch(/proxy_cache_methods GET HEAD;/);
    expect(directives).toMatch(/proxy_cache_background_update on;/);
    expect(directives).toMatch(/proxy_cache_lock on;/);
    expect(directives).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    // Lifetimes only from the app, and no copy of a page older than the app allows: stale copies
    // are handed out while refreshing, so quiet page entries must go within a second or two.
    expect(directives).not.toMatch(/proxy_cache_valid|proxy_ignore_headers/);
    expect(directives).toMatch(/proxy_cache_use_stale updating /);
    expect(directives).toMatch(/keys_zone=tracker_pages:\S+ .*inactive=1s/);
    const zone = (path: string) => new RegExp(`location ${path} \\{[^}]*proxy_cache (\\w+);`).exec(directives)?.[1];
    expect(zone("/")).toBe("tracker_pages");
    for (const path of ["\\^~ /embed/", "\\^~ /api/", "\\^~ /_next/", "= /oembed"]) expect(zone(path)).toBe("tracker_assets");
    for (const path of ["/admin", "/api/auth/"]) {
      expect(directives).toMatch(new RegExp(`location \\^~ ${path.replaceAll("/", "\\/")} \\{[^}]*proxy_cache_bypass 1;[^}]*proxy_no_cache 1;`));
    }
  });
});

describe("counting nginx's cache statuses", () => {
  const line = (method: string, uri: string, cache: string) => `127.0.0.1 "${method} ${uri} HTTP/1.1" 200 1234 cache=${cache} upstream=127.0.0.1:3000 0.003`;

  it("counts per group of the mix, editors apart, and the share answered from the cache", () => {
    const log = [
      line("GET", "/", "HIT"),
      line("GET", "/", "STALE"),
      line("GET", "/map", "EXPIRED"),
      line("GET", "/embed/europe-map", "UPDATING"),
      line("GET", "/api/v1/events", "MISS"),
      line("POST", "/admin/commitments/x1", "-"),
      line("GET", "/admin/commitments/x1", "BYPASS"),
      line("GET", "/favicon.ico", "HIT"),
      "",
    ].join("\n");
    const rows = Object.fromEntries(countCacheStatuses(log, MIX).map((r) => [r.label, r]));
    expect(rows["all reads"].requests).toBe(5);
    expect(rows["all reads"].fromCache).toBe(3);
    expect(rows.pages.counts).toMatchObject({ HIT: 1, STALE: 1, EXPIRED: 1, MISS: 0 });
    expect(rows.embeds.counts.UPDATING).toBe(1);
    expect(rows.api.counts.MISS).toBe(1);
    expect(rows["editors (/admin)"].counts).toMatchObject({ "-": 1, BYPASS: 1 });
    expect(rows.other.requests).toBe(1);
    expect(rows.bulk).toBeUndefined();
    expect(cacheTable(Object.values(rows))).toContain("| all reads | 5 | 1 | 1 | 1 | 0 | 1 | 1 | 0 | 0 | 60.0 % |");
  });

  it("refuses lines in another format or with an unknown status", () => {
    expect(() => countCacheStatuses('127.0.0.1 "GET / HTTP/1.1" 200 12 upstream=x 0.1', MIX)).toThrow(/Not a line of the tracker_cache log format/);
    expect(() => countCacheStatuses(line("GET", "/", "WARM"), MIX)).toThrow(/Unknown cache status "WARM"/);
  });
});
