import { z } from "zod";
import { ActorInput, ParticipationInput } from "./actor";
import { ClaimInput } from "./claim";
import { CommitmentInput } from "./commitment";
import { EventInput } from "./event";
import { PollInput } from "./poll";
import { publicationIssues } from "./publication";
import { SiteInput } from "./site";
import { SourceInput } from "./source";

/** The seed files in prisma/seed/, in load order, each an array of one entity's inputs. */
export const SEED_FILES = {
  sources: SourceInput,
  actors: ActorInput,
  participation: ParticipationInput,
  commitments: CommitmentInput,
  sites: SiteInput,
  polls: PollInput,
  events: EventInput,
  claims: ClaimInput,
} as const;

export type SeedFileName = keyof typeof SEED_FILES;
export type SeedData = { [K in SeedFileName]: z.infer<(typeof SEED_FILES)[K]>[] };

/** One problem in the seed data, located by file, record and field. */
export type SeedProblem = { file: string; record: string; field: string; message: string };

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The seed data breaks ${problems.length} rule(s); nothing was written.\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.file} › ${p.record} › ${p.field}: ${p.message}`)
          .join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

function recordLabel(raw: unknown, index: number): string {
  const slug = raw && typeof raw === "object" && "slug" in raw ? String((raw as { slug: unknown }).slug) : null;
  return slug ? `#${index} (${slug})` : `#${index}`;
}

/**
 * Validates raw seed files (parsed JSON keyed by file name) through the shared zod schemas,
 * then checks cross-references and the publication gate. Throws SeedValidationError.
 */
export function parseSeed(raw: Partial<Record<SeedFileName, unknown>>): SeedData {
  const problems: SeedProblem[] = [];
  const data = {} as SeedData;

  for (const [name, schema] of Object.entries(SEED_FILES) as [SeedFileName, z.ZodType][]) {
    const file = `prisma/seed/${name}.json`;
    const rows = raw[name] ?? [];
    if (!Array.isArray(rows)) {
      problems.push({ file, record: "(file)", field: "(root)", message: "The file must hold a JSON array." });
      continue;
    }
    const parsed: unknown[] = [];
    rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (r.success) parsed.push(r.data);
      else
        for (const issue of r.error.issues) {
          problems.push({ file, record: recordLabel(row, i), field: issue.path.join(".") || "(record)", message: issue.message });
        }
    });
    (data as Record<string, unknown[]>)[name] = parsed;
  }
  if (problems.length) throw new SeedValidationError(problems);

  crossCheck(data, problems);
  if (problems.length) throw new SeedValidationError(problems);
  return data;
}

function crossCheck(data: SeedData, problems: SeedProblem[]) {
  const add = (file: SeedFileName, record: string, field: string, message: string) =>
    problems.push({ file: `prisma/seed/${file}.json`, record, field, message });

  for (const name of Object.keys(SEED_FILES) as SeedFileName[]) {
    const seen = new Set<string>();
    for (const r of data[name] as { slug: string }[]) {
      if (seen.has(r.slug)) add(name, r.slug, "slug", "This slug is used twice.");
      seen.add(r.slug);
    }
  }
  const urls = new Set<string>();
  for (const s of data.sources) {
    if (urls.has(s.url)) add("sources", s.slug, "url", "This URL is listed twice.");
    urls.add(s.url);
  }
  const actors = new Set(data.actors.map((a) => a.slug));
  const iso = new Set(data.actors.map((a) => a.iso2).filter(Boolean));
  const commitments = new Set(data.commitments.map((c) => c.slug));

  const checkCitations = (file: SeedFileName, slug: string, cites: { url: string }[], prefix = "citations") =>
    cites.forEach((c, i) => {
      if (!urls.has(c.url)) add(file, slug, `${prefix}.${i}.url`, `No source in sources.json has the URL ${c.url}.`);
    });
  const checkActor = (file: SeedFileName, slug: string, field: string, actor: string | null) => {
    if (actor !== null && !actors.has(actor)) add(file, slug, field, `No actor has the slug "${actor}".`);
  };
  const gate = (file: SeedFileName, kind: string, r: Parameters<typeof publicationIssues>[1] & { slug: string }) =>
    publicationIssues(kind, r).forEach((p) => add(file, r.slug, p.path.join("."), p.message));

  for (const a of data.actors) {
    checkCitations("actors", a.slug, a.citations);
    gate("actors", "actor", a);
  }
  for (const p of data.participation) {
    checkActor("participation", p.slug, "actor", p.actor);
    checkCitations("participation", p.slug, p.citations);
    gate("participation", "participation", p);
  }
  for (const c of data.commitments) {
    checkActor("commitments", c.slug, "actor", c.actor);
    checkCitations("commitments", c.slug, c.citations);
    c.stages.forEach((s, i) => checkCitations("commitments", c.slug, s.citations, `stages.${i}.citations`));
    gate("commitments", "commitment", c);
  }
  for (const s of data.sites) {
    s.actors.forEach((a, i) => checkActor("sites", s.slug, `actors.${i}.actor`, a.actor));
    if (s.commitment !== null && !commitments.has(s.commitment)) {
      add("sites", s.slug, "commitment", `No commitment has the slug "${s.commitment}".`);
    }
    checkCitations("sites", s.slug, s.citations);
    gate("sites", "site", s);
  }
  for (const p of data.polls) {
    if (!iso.has(p.country)) add("polls", p.slug, "country", `No actor has the ISO code ${p.country}.`);
    checkCitations("polls", p.slug, p.citations);
    gate("polls", "poll", p);
  }
  for (const e of data.events) {
    e.actors.forEach((a, i) => checkActor("events", e.slug, `actors.${i}`, a));
    e.commitments.forEach((c, i) => {
      if (!commitments.has(c)) add("events", e.slug, `commitments.${i}`, `No commitment has the slug "${c}".`);
    });
    checkCitations("events", e.slug, e.citations);
    gate("events", "event", e);
  }
  for (const c of data.claims) {
    checkActor("claims", c.slug, "actor", c.actor);
    checkCitations("claims", c.slug, c.citations);
    // Unverified claims are published precisely to show they could not be confirmed; they may cite nothing.
    if (c.verification !== "UNVERIFIED") gate("claims", "claim", c);
  }
}
