import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` facing bad settings and faults: one clear sentence, exit 1, within seconds.
function start(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - t0 });
    });
  });
}
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "sgt-start-"));

describe("npm start refuses bad settings clearly", () => {
  it("an unreachable DATABASE_URL", async () => {
    const r = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", PORT: "0" });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Error: Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/nowhere/);
    expect(r.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.ms).toBeLessThan(15_000);
  });

  it("a port already in use", async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await start({ PORT: String(port), DATA_DIR: tmp() });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`Error: Port ${port} is already in use.`);
    } finally {
      server.close();
    }
  });

  it("a data folder held by another running start", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "tracker.lock"), String(process.pid));
    const r = await start({ DATA_DIR: dir, PORT: "0" });
    expect(r.code).toBe(1);
    expect(r.output).toContain(`is already in use by another process (pid ${process.pid})`);
  });

  it("a data folder that cannot be created", async () => {
    const file = path.join(tmp(), "a-file");
    writeFileSync(file, "not a folder");
    const r = await start({ DATA_DIR: path.join(file, "data"), PORT: "0" });
    expect(r.code).toBe(1);
    expect(r.output).toContain(`Error: The data folder ${path.join(file, "data")} cannot be created or written.`);
  });

  it("a malformed setting", async () => {
    const r = await start({ PORT: "eighty" });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Error: Invalid environment:\n\s+PORT:/);
  });
});
