#!/usr/bin/env node
// A minimal static file server for the built dashboard (dist/), bound to 127.0.0.1 only.
// Usage: node bin/serve.js [dir] [port]
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".wasm": "application/wasm", ".parquet": "application/vnd.apache.parquet", ".arrow": "application/vnd.apache.arrow.stream",
};

/** Start serving `dir`; resolves to the server once it listens (port 0: any free port). */
export function serve(dir, port = 0) {
  const root = resolve(dir);
  const resolvePath = (url) => {
    const path = decodeURIComponent(new URL(url, "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return null;
    // Framework writes /x.html beside a folder /x/ when both a page and pages below it exist
    if (existsSync(file + ".html") && !path.endsWith("/")) file += ".html";
    else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    return existsSync(file) ? file : null;
  };
  const server = createServer((req, res) => {
    const file = resolvePath(req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  const server = await serve(dir, Number(process.argv[3] ?? process.env.PORT ?? 3000));
  console.log(`zwgk-atlas: serving ${resolve(dir)} on http://127.0.0.1:${server.address().port}/`);
}
