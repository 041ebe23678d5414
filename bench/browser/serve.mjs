// A static server for the page: bench/browser/, bench/dist/ and the package's pkg/, with the headers that make
// the page cross-origin isolated (a finer performance.now()).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const BENCH = fileURLToPath(new URL("..", import.meta.url));
const ROOTS = { "/dist/": `${BENCH}/dist/`, "/pkg/": `${process.env.COMMIT_EDITOR_PKG_DIR ?? `${BENCH}/../pkg`}/` };
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

function resolve(url) {
  const path = normalize(decodeURIComponent(new URL(url, "http://x").pathname));
  if (path === "/") return `${BENCH}/browser/index.html`;
  for (const [prefix, dir] of Object.entries(ROOTS)) if (path.startsWith(prefix) && !path.includes("..")) return dir + path.slice(prefix.length);
  return null;
}

export function serve() {
  const server = createServer(async (req, res) => {
    const file = resolve(req.url);
    const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" };
    try {
      const body = file && (await readFile(file));
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}
