import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("environment", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.PORT).toBe(3000);
  });
  it("names each bad variable in one readable message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty" })).toThrow(
      /Invalid environment:\n {2}DATABASE_URL: must be a postgresql:\/\/ connection URL.*\n {2}PORT: /s,
    );
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT: must be 0–65535/);
  });
  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
