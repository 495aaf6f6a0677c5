/**
 * A 验证码 challenge on a form (企业登录, 立即注册): the picture on screen, replaced shortly before the server
 * would refuse it as expired, and after every attempt (the server uses a challenge up at each attempt, right or
 * wrong).
 */
import { fetchCaptcha, type Captcha } from './login';

export class CaptchaChallenge {
  current = $state<Captcha | null>(null);
  loading = $state(false);
  failed = $state(false);
  #expiry: ReturnType<typeof setTimeout> | undefined;
  readonly #onrenewed: (() => void) | undefined;

  /** `onrenewed` runs after every renewal, asked for or on expiry, whether or not a picture came. */
  constructor(onrenewed?: () => void) {
    this.#onrenewed = onrenewed;
  }

  /** A new challenge (the first one, a refused one, 看不清，换一张). */
  async renew(): Promise<void> {
    clearTimeout(this.#expiry);
    this.loading = true;
    this.failed = false;
    try {
      const next = await fetchCaptcha();
      this.current = next;
      this.#expiry = setTimeout(() => void this.renew(), Math.max(10, next.expiresInSeconds - 10) * 1000);
    } catch {
      this.current = null;
      this.failed = true;
    } finally {
      this.loading = false;
    }
    this.#onrenewed?.();
  }

  /** No more renewals (the page is left, or the form is done with). */
  stop(): void {
    clearTimeout(this.#expiry);
    this.#expiry = undefined;
  }
}
