// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  /** The 技术支撑 客服电话, set at build time (web/vite.config.ts); read it through $lib/support. */
  const __SUPPORT_PHONE__: string;

  namespace App {
    interface Error {
      /** Chinese, shown to the user as is. */
      message: string;
    }
  }
}

export {};
