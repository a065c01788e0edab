// A TCP proxy in front of PostgreSQL that counts the statements clients send: each Parse ('P',
// extended protocol) and each simple Query ('Q'). It reads a copy of the client's bytes and
// forwards them untouched, so it works the same for PGlite's socket and a PostgreSQL server.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export type QueryCounter = { url: string; count: () => number; reset: () => void; close: () => Promise<void> };

/** Counts frontend messages of one connection; returns the number of statements seen so far. */
export function frontendParser(onStatement: () => void): (chunk: Buffer) => void {
  let buf: Buffer = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (buf.length < 8) return;
        const len = buf.readInt32BE(0);
        if (buf.length < len) return;
        const code = buf.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        buf = buf.subarray(len);
      } else {
        if (buf.length < 5) return;
        const type = String.fromCharCode(buf[0]);
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        if (type === "P" || type === "Q") onStatement();
        buf = buf.subarray(1 + len);
      }
    }
  };
}

export async function startQueryCounter(targetUrl: string): Promise<QueryCounter> {
  const target = new URL(targetUrl);
  const host = target.hostname;
  const port = Number(target.port || 5432);
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    sockets.add(client).add(upstream);
    const parse = frontendParser(() => statements++);
    client.on("data", (chunk) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(targetUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    count: () => statements,
    reset: () => {
      statements = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
