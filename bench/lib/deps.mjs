// Installs bench/'s devDependencies on first use (npm install, never npm ci; no browser download).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BENCH = fileURLToPath(new URL("..", import.meta.url));

export function ensureDeps() {
  if (["esbuild", "jsondiffpatch", "zod", "playwright-core"].every((p) => existsSync(`${BENCH}/node_modules/${p}`))) return;
  console.log("bench: installing devDependencies (npm install in bench/) ...");
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund"], {
    cwd: BENCH, stdio: "inherit", env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  if (r.status !== 0) throw new Error("npm install in bench/ failed");
}
