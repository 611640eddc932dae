import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// With host routing (<slug>.<VITE_BASE_DOMAIN>), the dev and preview servers must answer those hosts too.
const baseDomain = process.env.VITE_BASE_DOMAIN?.trim().replace(/^\./, "");
const allowedHosts = baseDomain ? [`.${baseDomain}`] : undefined;

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { port: 5174, host: "127.0.0.1", allowedHosts },
  preview: { port: 4174, host: "127.0.0.1", allowedHosts },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // jsdom + the generated form are slow on a busy CI machine; a test that takes 2 s alone can pass 5 s there.
    testTimeout: 15_000,
  },
});
