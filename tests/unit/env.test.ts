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

describe("environment: the shared Redis cache", () => {
  it("is off unless REDIS_URL is set, with the key prefix sgt: by default", () => {
    const env = parseEnv({});
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.REDIS_KEY_PREFIX).toBe("sgt:");
    expect(parseEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });
  it("accepts redis:// and rediss:// URLs and a custom prefix", () => {
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(parseEnv({ REDIS_URL: "rediss://:secret@cache.example.org:6380/2", REDIS_KEY_PREFIX: "tracker-prod:" }).REDIS_KEY_PREFIX).toBe("tracker-prod:");
  });
  it("names a bad REDIS_URL or prefix", () => {
    expect(() => parseEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => parseEnv({ REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a redis:\/\//);
    expect(() => parseEnv({ REDIS_KEY_PREFIX: "has space" })).toThrow(/REDIS_KEY_PREFIX: must be 1–64 letters/);
  });
});
