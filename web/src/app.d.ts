// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      /** Chinese, shown to the user as is. */
      message: string;
    }
  }
}

export {};
