import { afterEach, vi } from "vitest";

// An unexpected console.error fails the test that caused it (CONVENTIONS.md #12).
const spy = vi.spyOn(console, "error");
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length) throw new Error(`console.error was called: ${calls.map((c) => c.join(" ")).join("\n")}`);
});
