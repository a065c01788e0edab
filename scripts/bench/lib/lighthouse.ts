// Lighthouse (mobile emulation and throttling, its defaults), run as its CLI in Debian's Chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./measure";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

export type LighthouseRun = { score: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number };
export type LighthouseResult = LighthouseRun & { runs: number; scores: number[] };

async function once(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sgt-lh-"));
  const out = path.join(dir, "report.json");
  try {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/lighthouse/cli/index.js"), url, "--quiet", "--only-categories=performance", "--output=json", `--output-path=${out}`, `--chrome-flags=${FLAGS}`],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"] },
    );
    const err: Buffer[] = [];
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const code: number = await new Promise((r) => child.once("exit", (c) => r(c ?? 1)));
    if (code !== 0) throw new Error(`lighthouse exited ${code}: ${Buffer.concat(err).toString().slice(-500)}`);
    const lhr = JSON.parse(readFileSync(out, "utf8"));
    const a = lhr.audits;
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      lcpMs: a["largest-contentful-paint"].numericValue,
      tbtMs: a["total-blocking-time"].numericValue,
      cls: a["cumulative-layout-shift"].numericValue,
      fcpMs: a["first-contentful-paint"].numericValue,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median run (by score) of `runs` Lighthouse runs, as Lighthouse CI reports it. */
export async function lighthouse(url: string, runs = 3): Promise<LighthouseResult> {
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await once(url));
  const scores = all.map((r) => r.score);
  const m = median(scores);
  const pick = all.reduce((best, r) => (Math.abs(r.score - m) < Math.abs(best.score - m) ? r : best));
  return { ...pick, runs, scores };
}
