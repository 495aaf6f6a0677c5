/**
 * The unread count the header's 消息 link shows — asked again every minute while the tab is visible (a hidden
 * tab asks nothing), at once when it becomes visible, and whenever a page changes what is read.
 */
import { browser } from '$app/environment';
import { listNotifications, REFRESH_MS } from './notifications';

class Inbox {
  /** Unread messages of the signed-in account; null until first heard. */
  unread = $state<number | null>(null);

  #watchers = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Bumped by every question and answer: an answer to an older question than the last news is dropped. */
  #seq = 0;

  /** An answer that carries the count (a page of the list): no need to ask again. */
  set(unread: number): void {
    this.#seq++;
    this.unread = Math.max(0, unread);
  }

  /**
   * Ask now. Not shared with a question already in flight: that one may have left before the change the
   * caller just made. A failure leaves the count as it was.
   */
  async refresh(): Promise<void> {
    const asked = ++this.#seq;
    try {
      // One message is the least a page can hold: the answer's `unread` is what the bell wants.
      // A poll, not a person: it must not keep the session from timing out when nobody is there.
      const page = await listNotifications({ limit: 1, background: true });
      if (asked === this.#seq) this.set(page.unread);
    } catch {
      // The bell stays quiet: a page that needs the inbox shows its own error.
    }
  }

  /**
   * Keep the count fresh while something shows it; returns the function that stops watching. Counted, so
   * two bells (or a bell and a page) share one timer.
   */
  watch(): () => void {
    if (!browser) return () => {};
    if (this.#watchers++ === 0) {
      document.addEventListener('visibilitychange', this.#onVisibility);
      this.#onVisibility();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--this.#watchers === 0) {
        document.removeEventListener('visibilitychange', this.#onVisibility);
        this.#stopTimer();
        // Signed out or left the shell: the next account must not see this one's count, nor a late answer.
        this.#seq++;
        this.unread = null;
      }
    };
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') {
      void this.refresh();
      this.#stopTimer();
      this.#timer = setInterval(() => void this.refresh(), REFRESH_MS);
    } else {
      this.#stopTimer();
    }
  };

  #stopTimer(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

export const inbox = new Inbox();
