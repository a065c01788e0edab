import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SEED_FILES, SeedValidationError, type SeedFileName } from "../../lib/schemas/seed";

/** Reads prisma/seed/<name>.json for every seed file; a missing file counts as empty. */
export function readSeedFiles(dir = path.join(process.cwd(), "prisma/seed")): Partial<Record<SeedFileName, unknown>> {
  const out: Partial<Record<SeedFileName, unknown>> = {};
  for (const name of Object.keys(SEED_FILES) as SeedFileName[]) {
    const file = path.join(dir, `${name}.json`);
    if (!existsSync(file)) continue;
    try {
      out[name] = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new SeedValidationError([
        { file: `prisma/seed/${name}.json`, record: "(file)", field: "(json)", message: (e as Error).message },
      ]);
    }
  }
  return out;
}
