import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../pkg', import.meta.url));

// The page's CSP (in index.html) is written for the built bundle: scripts and styles from 'self'
// only. Vite's dev server injects <style> elements and talks to its HMR websocket, so in `serve`
// mode alone the policy is widened just enough for that.
function devCsp(): Plugin {
  return {
    name: 'dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

export default defineConfig({
  plugins: [devCsp()],
  server: {
    host: '127.0.0.1',
    fs: { allow: ['.', pkgDir] },
  },
  preview: { host: '127.0.0.1' },
  optimizeDeps: { exclude: ['commit-editor'] },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
