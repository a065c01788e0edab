// A burst of writes by the writer process, for the kill tests.
import { Child, tsxChild } from "./harness";
import type { Ack, ActorRef } from "./workload";

export const WRITERS = 4;

/** Starts a writer process; it loads the app's modules and then waits for its order. */
export function spawnWriter(): Child {
  return tsxChild("tests/resilience/writer.ts");
}

/** Sends the order to a loaded writer and resolves once `count` writes are acknowledged. */
export async function burstUntil(writer: Child, order: { url: string; run: string; actors: { editors: ActorRef[]; reviewers: ActorRef[] } }, count: number) {
  await writer.waitFor((l) => l.includes('"t":"loaded"'), 60_000, "the writer to load");
  writer.send({ url: order.url, run: order.run, writers: WRITERS, ...order.actors });
  let n = 0;
  await writer.waitFor((l) => l.includes('"t":"ack"') && ++n >= count, 120_000, `${count} acknowledged writes`);
}

/** Every acknowledgement the writer printed. */
export function acksOf(writer: Child): Ack[] {
  return writer.json<Ack>().filter((l) => l.t === "ack");
}

/** Lines where a writer stopped for a reason other than the kill. */
export function problemsOf(writer: Child, kinds: string[] = ["refused", "error"]): string[] {
  return writer.json<{ t: string; message?: string }>().filter((l) => kinds.includes(l.t)).map((l) => `${l.t}: ${l.message}`);
}
