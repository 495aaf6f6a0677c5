import adapter from '@sveltejs/adapter-static';

/**
 * SvelteKit config for the web shell. Paths here are relative to `web/`: `web/vite.config.ts` makes `web/`
 * the working directory before SvelteKit loads, so `npm run build:web` / `npm run dev:web` from the repo root
 * and `svelte-kit sync` run inside `web/` resolve the same files.
 *
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  kit: {
    // Static output for S3 + CloudFront (DESIGN §3). Public pages are prerendered; the signed-in areas are
    // served by the SPA fallback, so the host must answer unknown paths with `200.html` (status 200).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: false, strict: true }),
    files: {
      src: 'src',
      assets: 'static',
      lib: 'src/lib',
      routes: 'src/routes',
      params: 'src/params',
      appTemplate: 'src/app.html',
    },
    alias: {
      // The reference data and API contracts shared with the functions (categories, departments, errors).
      $shared: '../shared',
    },
  },
};

export default config;
