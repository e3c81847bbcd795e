/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The same policy the desktop window enforces (tauri.conf.json), applied to
// `vite preview` so a browser preview of the build fails the same way.
const csp = "default-src 'self'";

/** The server's environment (typed here: the UI's tsconfig has no Node types). */
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const vitest = () => !!env.VITEST;

/**
 * In a plain browser the UI posts commands to same-origin `/rpc`; the dev and
 * preview servers pass them to `kompis serve` (`scripts/preview.sh` sets the
 * two variables). The token is added here, server-side: the page never sees it.
 */
function rpcProxy(): Record<string, ProxyOptions> | undefined {
  const target = env.KOMPIS_SERVE_URL;
  if (!target) return undefined;
  return {
    "/rpc": {
      target,
      changeOrigin: true,
      headers: { Authorization: `Bearer ${env.KOMPIS_SERVE_TOKEN ?? ""}` },
    },
  };
}

export default defineConfig({
  plugins: [svelte()],
  // Tauri expects a fixed port and must see Rust errors in the terminal.
  clearScreen: false,
  server: { port: 1420, strictPort: true, proxy: rpcProxy() },
  preview: { port: 4173, strictPort: true, headers: { "Content-Security-Policy": csp }, proxy: rpcProxy() },
  build: {
    outDir: "dist",
    target: "es2022",
    sourcemap: false,
  },
  // Component tests mount Svelte in jsdom: use Svelte's browser build there.
  resolve: vitest() ? { conditions: ["browser"] } : undefined,
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
