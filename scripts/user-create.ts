// npm run user:create -- --role admin|reviewer|editor [--name "Full Name"] <email>
// Creates an account from the command line: the first admin, or anyone when no admin can sign in.
// The password is never a command-line argument (it would stay in the shell history and in `ps`).
import { parseArgs } from "node:util";
import { NewUserInput } from "../lib/schemas/user";
import { ROLES, type Role } from "../lib/permissions";
import { StartupError, runWithDatabase } from "./lib/database";
import { applyMigrations } from "./lib/schema-engine";

const USAGE = `Usage: npm run user:create -- --role admin|reviewer|editor [--name "Full Name"] <email>

Creates an account on the database the app uses (DATABASE_URL, else the embedded database in
DATA_DIR; stop the app first when it runs on the embedded database).

The password (at least 12 characters) is never taken as an argument, because arguments are kept
in the shell history and shown to other users by \`ps\`. It is read, in this order, from:
  - the environment variable SGT_USER_PASSWORD;
  - standard input, when it is not a terminal: printf '%s\\n' "$PW" | npm run user:create -- …;
  - the terminal, asked twice without echo.`;

/** Stops with one sentence and exit code 1. */
function die(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(1);
}

function parseCommandLine(): { role: Role; name: string | undefined; email: string } {
  const argv = process.argv.slice(2);
  if (argv.some((a) => a === "--password" || a.startsWith("--password=") || a === "-p")) {
    die("Passwords are not accepted as arguments (they would stay in the shell history); pipe it on standard input or set SGT_USER_PASSWORD.");
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (e) {
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    die(`${option ? `Unknown option ${option}` : "Unreadable arguments"}: run with --help for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const role = values.role?.toUpperCase();
  if (!role) die("Say which role the account gets with --role admin, --role reviewer or --role editor.");
  if (!ROLES.includes(role as Role)) die(`Unknown role "${values.role}": use admin, reviewer or editor.`);
  if (positionals.length !== 1) die(`Give exactly one e-mail address (got ${positionals.length}). Run with --help for usage.`);
  return { role: role as Role, name: values.name, email: positionals[0] };
}

/** Reads one line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stdout.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let value = "";
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stdout.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new Error("Cancelled; nothing was created."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.SGT_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await askHidden("Password (at least 12 characters): ");
    const second = await askHidden("Same password again: ");
    if (first !== second) die("The two passwords differ; nothing was created.");
    return first;
  }
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  // The first line is the password; only the line ending is removed (spaces are kept).
  const line = text.split(/\r?\n/)[0];
  if (!line) die("No password on standard input: pipe one line, set SGT_USER_PASSWORD, or run in a terminal to be asked.");
  return line;
}

/** The first problem with the input, as one sentence. */
function describeInvalid(email: string, fieldErrors: Record<string, string[]>): string {
  const lower = (m: string) => m.charAt(0).toLowerCase() + m.slice(1);
  if (fieldErrors.email) return `"${email}" is not a valid e-mail address.`;
  if (fieldErrors.password) return `The password is not accepted: ${lower(fieldErrors.password[0])}`;
  if (fieldErrors.name) return `The name is not accepted: ${lower(fieldErrors.name[0])} Set it with --name "Full Name".`;
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ["input", ["invalid"]];
  return `${field}: ${messages[0]}`;
}

const args = parseCommandLine();
let password: string;
try {
  password = await readPassword();
} catch (e) {
  die((e as Error).message);
}
const input = { email: args.email, name: args.name ?? args.email.split("@")[0], role: args.role, password };

// Check everything that needs no database first, so a typo fails at once.
const checked = NewUserInput.safeParse(input);
if (!checked.success) {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of checked.error.issues) (fieldErrors[String(i.path[0] ?? "")] ??= []).push(i.message);
  die(describeInvalid(args.email, fieldErrors));
}

await runWithDatabase(async (database) => {
  // Like npm start: a fresh checkout can create its first admin before the first start.
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${database.describe}.`);
  // lib/db/client.ts reads DATABASE_URL on first use: point it at the database just opened.
  process.env.DATABASE_URL = database.url;
  const { createUser } = await import("../lib/db/users");
  const { db } = await import("../lib/db/client");
  try {
    const r = await createUser(null, input, { bootstrap: true });
    if (!r.ok) {
      if (r.fieldErrors?.email?.some((m) => m.includes("already exists"))) {
        throw new StartupError(`An account with the e-mail ${checked.data.email} already exists; nothing was created.`);
      }
      throw new StartupError(r.fieldErrors ? describeInvalid(args.email, r.fieldErrors) : r.message);
    }
    console.log(`Created ${args.role.toLowerCase()} ${checked.data.email} (${checked.data.name}) in ${database.describe}. Sign in at /admin/login.`);
  } catch (e) {
    if (e instanceof StartupError) throw e;
    // A database that answered the reachability check but failed later (e.g. not migrated).
    const reason = (e as Error).message.trim().split("\n").pop()?.trim().replace(/\.$/, "");
    throw new StartupError(`The account could not be written (${reason}).`);
  } finally {
    await db().$disconnect();
  }
});
// The schema engine leaves an idle connection pool behind for ~10 s; nothing else is pending.
process.exit();
