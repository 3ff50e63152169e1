import { defineConfig, type Plugin } from 'vite';

/**
 * The atlas is built into apps/web/dist and served by the Lagebild server (index.html at `/`, hashed
 * files under `/assets/`). JSX is compiled by Vite's own oxc transform for Preact: no plugin needed.
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The planners' atlas, the public Wegweiser portal, and the administration and editorial pages.
    rollupOptions: {
      input: {
        index: 'index.html',
        wegweiser: 'wegweiser.html',
        redaktion: 'redaktion.html',
        admin: 'admin.html',
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [buildInputs()],
});

/**
 * Writes the list of source files that went into the bundle, so scripts/build-web.mjs can tell
 * whether dist is older than its sources without rebuilding.
 */
function buildInputs(): Plugin {
  return {
    name: 'lagebild-build-inputs',
    apply: 'build',
    generateBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => !id.includes('/node_modules/') && !id.startsWith('\0') && id.startsWith('/'))
        .map((id) => id.split('?')[0]!)
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: 'build-inputs.json',
        source: JSON.stringify(inputs, null, 1),
      });
    },
  };
}
