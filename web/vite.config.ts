import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The site lives in `web/` but the scripts run from the repo root (`vite build --config web/vite.config.ts`).
 * SvelteKit reads `svelte.config.js`, `src/` and `.svelte-kit/` from the working directory, captured when its
 * Vite plugin module is first loaded, and it pins Vite's `root` to that directory. So switch to `web/` first
 * and only then load the plugin.
 */
const webDir = path.dirname(fileURLToPath(import.meta.url));
// Workers (SvelteKit's prerenderer reads this file again in one) share the process's working directory and
// may not change it; by then it is already `web/`.
if (path.resolve(process.cwd()) !== webDir) process.chdir(webDir);
const { sveltekit } = await import('@sveltejs/kit/vite');
const { SUPPORT_PHONE_ENV, supportPhoneFrom } = await import('../shared/support');

export default defineConfig({
  root: webDir,
  plugins: [sveltekit()],
  // The 技术支撑 客服电话, fixed when the site is built for a deployment (shared/support.ts, README).
  define: { __SUPPORT_PHONE__: JSON.stringify(supportPhoneFrom(process.env[SUPPORT_PHONE_ENV])) },
  server: { port: 5173 },
  preview: { port: 4173 },
});
