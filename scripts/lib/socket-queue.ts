// pglite-socket serves many client connections from one PGlite session through a queue of
// protocol messages. It keeps a connection's messages together inside a transaction, but not
// within one extended-protocol exchange (Parse, Bind, Describe, Execute … Sync): two pool
// connections running queries at once interleave there and replace each other's unnamed
// prepared statement ("unnamed prepared statement does not exist", or a result sent to the
// wrong client). This keeps each connection's exchange together until its Sync, as a server
// with one backend per connection would. Tested by tests/integration/workflow.test.ts (storm).
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type Item = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type Queue = {
  queue: Item[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(m: Uint8Array, o: { onRawData: (d: Uint8Array) => void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
};

// Message types (first byte) that open or continue an extended-protocol exchange, and those that end it.
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const BOUNDARY = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

/** Replaces the server's queue scheduling with one that never splits an exchange. */
export function keepExchangesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: Queue }).queryQueue;
  let midExchange = false;

  q.processQueue = async function processQueue() {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const sticky = q.lastHandlerId !== null && (midExchange || q.db.isInTransaction());
        const index = sticky ? q.queue.findIndex((i) => i.handlerId === q.lastHandlerId) : 0;
        if (index === -1) break; // wait for the connection that is mid-exchange
        const [item] = q.queue.splice(index, 1);
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(item.message, {
              onRawData: (d) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (e) {
          item.reject(e);
          continue;
        }
        const type = item.message[0];
        if (EXTENDED.has(type)) midExchange = true;
        else if (BOUNDARY.has(type)) midExchange = false;
        q.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  // A connection that goes away mid-exchange must not hold the queue.
  const clear = q.clearTransactionIfNeeded.bind(q);
  q.clearTransactionIfNeeded = async (handlerId: number) => {
    if (q.lastHandlerId === handlerId && midExchange && !q.db.isInTransaction()) {
      midExchange = false;
      q.lastHandlerId = null;
      await clear(handlerId);
      await q.processQueue();
      return;
    }
    await clear(handlerId);
  };
}
