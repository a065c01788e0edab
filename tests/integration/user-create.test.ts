import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";

// `npm run user:create` as an operator runs it: the password piped on stdin (or in
// SGT_USER_PASSWORD), never as an argument; every refusal is one sentence, exit code 1, no account.

const PASSWORD = "correct horse battery staple";
const run = Date.now().toString(36);

function userCreate(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: inject("databaseUrl"), ...opts.env } as unknown as NodeJS.ProcessEnv,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.stdin.end(opts.stdin ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** A refusal: exit 1, one "Error: …" line, no stack trace. */
function expectRefused(r: { code: number | null; out: string; err: string }, message: RegExp) {
  expect(r.code, r.err + r.out).toBe(1);
  const lines = r.err.trim().split("\n");
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(message);
}

describe("npm run user:create", () => {
  const admin = `zz-cli-${run}-admin@example.org`;

  it("creates the first admin from a password on stdin (hashed with argon2id, audited), or from SGT_USER_PASSWORD", async () => {
    const editor = `zz-cli-${run}-editor@example.org`;
    const [a, e] = await Promise.all([
      userCreate(["--role", "admin", "--name", "Ada Admin", admin.toUpperCase()], { stdin: `${PASSWORD}\n` }),
      userCreate(["--role", "editor", editor], { env: { SGT_USER_PASSWORD: PASSWORD } }),
    ]);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toContain(`Created admin ${admin} (Ada Admin)`);
    expect(a.out).not.toContain(PASSWORD);
    const user = await db().user.findUniqueOrThrow({ where: { email: admin }, select: { id: true, name: true, role: true, disabled: true } });
    expect(user).toMatchObject({ name: "Ada Admin", role: "ADMIN", disabled: false });
    const account = await db().account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" }, select: { password: true } });
    expect(account.password).toMatch(/^\$argon2id\$/);
    expect(await db().auditEntry.count({ where: { entityType: "User", entityId: user.id, actorLabel: "command line" } })).toBe(1);

    // Without --name, the name is the e-mail's local part.
    expect(e.code, e.err).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { email: editor }, select: { role: true, name: true } })).toEqual({ role: "EDITOR", name: `zz-cli-${run}-editor` });
  });

  it("refuses bad input with one sentence and exit code 1, creating nothing", async () => {
    const before = await db().user.count();
    const email = `zz-cli-${run}-refused@example.org`;
    const lockedDir = mkdtempSync(path.join(os.tmpdir(), "sgt-user-create-"));
    writeFileSync(path.join(lockedDir, "tracker.lock"), String(process.pid)); // as a running `npm start` leaves it
    const results = await Promise.all([
      userCreate(["--role", "editor", admin], { stdin: `${PASSWORD}\n` }),
      userCreate(["--role", "admin", email], { stdin: "too short\n" }),
      userCreate(["--role", "admin", "not-an-email"], { stdin: `${PASSWORD}\n` }),
      userCreate(["--role", "owner", email], { stdin: `${PASSWORD}\n` }),
      userCreate([email], { stdin: `${PASSWORD}\n` }),
      userCreate(["--role", "admin", `--password=${PASSWORD}`, email]),
      userCreate(["--role", "admin", email], { stdin: "" }),
      userCreate(["--role", "admin", "--bogus", email], { stdin: `${PASSWORD}\n` }),
      userCreate(["--role", "admin", email], { stdin: `${PASSWORD}\n`, env: { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" } }),
      userCreate(["--role", "admin", email], { stdin: `${PASSWORD}\n`, env: { DATABASE_URL: "", DATA_DIR: lockedDir } }),
    ]);
    const expected = [
      /An account with the e-mail .* already exists; nothing was created/,
      /password is not accepted: use at least 12 characters/,
      /"not-an-email" is not a valid e-mail address/,
      /Unknown role "owner": use admin, reviewer or editor/,
      /--role admin/,
      /not accepted as arguments \(they would stay in the shell history\)/,
      /No password on standard input/,
      /Unknown option --bogus/,
      /Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/nowhere/,
      new RegExp(`in use by another process \\(pid ${process.pid}\\).*stop the app first`),
    ];
    results.forEach((r, i) => expectRefused(r, expected[i]));
    expect(await db().user.count()).toBe(before);
    expect(await db().user.findUniqueOrThrow({ where: { email: admin }, select: { role: true } })).toEqual({ role: "ADMIN" });
  });

  it("--help explains why the password is never an argument", async () => {
    const r = await userCreate(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/never taken as an argument/);
    expect(r.out).toMatch(/shell history/);
  });
});
