import { defineConfig } from "vite";

/**
 * The web app: `npm run dev:web` (this package's `dev`) serves it on http://localhost:5173 against
 * the API on :4000 (the API's CORS allow-list admits that origin); `npm run build:web` (or this
 * package's `build`) writes web/dist/, which the API serves at "/".
 */
export default defineConfig({
  // React's automatic JSX runtime through Vite's own transform: no React plugin needed (and no Fast Refresh, a full reload instead).
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true },
});
