/**
 * The signed-in session as the pages see it: who is signed in and which step of signing in they are at,
 * loaded from `GET /api/auth/session` (which answers pending sessions too) or taken from a login answer.
 *
 * It also ends the session on the browser's side: 退出系统, an API answer that the session is over (the
 * client's `sessionEnded` hook), and the idle timer — `idleTimeoutSeconds` without a key press, click, touch or
 * scroll in any tab of this site sends the person to the login page with a notice. The server enforces the
 * same timeout on its own; while the person is active here, a light `GET /api/auth/session` now and then keeps
 * the server's idle clock in step with what they are doing.
 */
import { browser } from '$app/environment';
import type { ResolvedPathname } from '$app/types';
import type { SessionAccount, SessionResponse, SessionStage } from '$shared/api/identity';
import { api, ApiError, hasSessionCookie, lastApiContact, setAuthHooks } from '$lib/api/client';
import type { ShellRef } from '$lib/shell/shell';
import { homePath, isReturnPath, loginPath, navigate, shellOfPath, stepPath } from './paths';

export const SESSION_PATH = '/api/auth/session';
export const LOGOUT_PATH = '/api/auth/logout';

/** Messages the login page shows after the session ended on its own. */
export const NOTICES = {
  expired: '登录已超时，请重新登录。',
  idle: '长时间未操作，登录已超时，请重新登录。',
} as const;

const NOTICE_KEY = 'hz-auth-notice';
const RETURN_KEY = 'hz-auth-return';
const ACTIVITY_KEY = 'hz-last-activity';

/** While the person is active, ask the server this often at most, so its idle clock sees the activity. */
const KEEPALIVE_MS = 5 * 60_000;
/** Activity is shared with the other tabs (localStorage) at most this often. */
const SHARE_ACTIVITY_MS = 5_000;

function storage(kind: 'session' | 'local'): Storage | undefined {
  if (!browser) return undefined;
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return undefined; // storage disabled: notices and the shared idle clock are lost, nothing else
  }
}

/** Leave a message for the next login page (shown once). */
export function leaveNotice(text: string): void {
  storage('session')?.setItem(NOTICE_KEY, text);
}

/** The message left for this login page, if any; it is gone after this. */
export function takeNotice(): string | null {
  const s = storage('session');
  const text = s?.getItem(NOTICE_KEY) ?? null;
  s?.removeItem(NOTICE_KEY);
  return text;
}

/** Remember the page to come back to after signing in again. */
export function rememberReturn(path: string): void {
  storage('session')?.setItem(RETURN_KEY, path);
}

/** The remembered page, when it belongs to `shell`; forgotten either way. */
function takeReturn(shell: ShellRef): ResolvedPathname | null {
  const s = storage('session');
  const path = s?.getItem(RETURN_KEY) ?? null;
  s?.removeItem(RETURN_KEY);
  return path && isReturnPath(path, shell) ? (path as ResolvedPathname) : null;
}

/** The shell the person is in, else the one their account signs in to. */
function currentShell(account: SessionAccount | undefined): ShellRef | null {
  const fromPath = browser ? shellOfPath(location.pathname) : null;
  if (fromPath) return fromPath;
  if (account?.kind === 'enterprise') return { kind: 'enterprise' };
  if (account?.category) return { kind: 'platform', category: account.category };
  return null;
}

/**
 * Watches for a person's activity and calls `onIdle` after `seconds` without any, in any tab: the last moment
 * of activity is shared through localStorage, so a person working in one tab is not signed out by another.
 */
class IdleWatch {
  #seconds = 0;
  #last = 0;
  #shared = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;
  #onIdle: () => void = () => {};
  #onActivity: (now: number) => void = () => {};

  start(seconds: number, onIdle: () => void, onActivity: (now: number) => void): void {
    if (!browser || seconds <= 0) return;
    this.#seconds = seconds;
    this.#onIdle = onIdle;
    this.#onActivity = onActivity;
    this.#activity();
    if (!this.#listening) {
      for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const) {
        window.addEventListener(type, this.#activity, { passive: true, capture: true });
      }
      window.addEventListener('scroll', this.#activity, { passive: true, capture: true });
      this.#listening = true;
    }
    this.#schedule(seconds * 1000);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#listening) return;
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const) {
      window.removeEventListener(type, this.#activity, { capture: true });
    }
    this.#listening = false;
  }

  #activity = (): void => {
    const now = Date.now();
    this.#last = now;
    if (now - this.#shared >= SHARE_ACTIVITY_MS) {
      this.#shared = now;
      storage('local')?.setItem(ACTIVITY_KEY, String(now));
    }
    this.#onActivity(now);
  };

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#check, Math.max(1000, ms));
  }

  #check = (): void => {
    const elsewhere = Number(storage('local')?.getItem(ACTIVITY_KEY)) || 0;
    const deadline = Math.max(this.#last, elsewhere) + this.#seconds * 1000;
    const left = deadline - Date.now();
    if (left > 0) this.#schedule(left);
    else {
      this.stop();
      this.#onIdle();
    }
  };
}

class Session {
  /** The session as last heard from the server; `null` when there is none. */
  current = $state<SessionResponse | null>(null);
  readonly account: SessionAccount | null = $derived(this.current?.account ?? null);
  readonly stage: SessionStage | null = $derived(this.current?.stage ?? null);

  /** Whether `current` says what the server thinks (asked, or answered by a login). */
  #known = false;
  #loading: Promise<SessionResponse | null> | null = null;
  /** Signing out on purpose: the API's "session over" answers are expected, not news. */
  #leaving = false;
  #idle = new IdleWatch();

  /**
   * The session, asking the server only the first time — and again when there was none but session cookies
   * have appeared since (a login in another tab).
   */
  ensure(): Promise<SessionResponse | null> {
    const settled = this.#known && (this.current !== null || !hasSessionCookie());
    return settled ? Promise.resolve(this.current) : this.load();
  }

  /** Ask the server (once, however many callers ask at the same time). `null`: no session. */
  load(): Promise<SessionResponse | null> {
    this.#loading ??= this.#fetch().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #fetch(): Promise<SessionResponse | null> {
    // The CSRF cookie lives as long as the session: without it there is nothing to ask about.
    if (!hasSessionCookie()) {
      this.#forget();
      return null;
    }
    try {
      const view = await api.get<SessionResponse>(SESSION_PATH);
      this.set(view);
      return view;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        this.#forget();
        return null;
      }
      throw e;
    }
  }

  /** Take the session from an answer of the API (login, password change, TOTP). */
  set(view: SessionResponse): void {
    this.current = view;
    this.#known = true;
    this.#idle.start(
      view.idleTimeoutSeconds,
      () => void this.#timedOut(),
      (now) => this.#keepAlive(now),
    );
  }

  #forget(): void {
    this.current = null;
    this.#known = true;
    this.#idle.stop();
  }

  /**
   * After a login or a finished step: on to the next step page, else into the shell — to the page the person
   * was on when the last session ended, if there was one.
   */
  proceed(view: SessionResponse, shell: ShellRef): Promise<void> {
    this.set(view);
    const step = stepPath(shell, view.stage);
    if (step) return navigate(step);
    return navigate(takeReturn(shell) ?? homePath(shell));
  }

  /** 退出系统: end the session on the server, then go to the login page of the shell the person is in. */
  async logout(notice?: string): Promise<void> {
    const shell = currentShell(this.account ?? undefined);
    this.#leaving = true;
    this.#idle.stop();
    try {
      await api.post(LOGOUT_PATH);
    } catch {
      // Already over (401) or unreachable: the login page is where the person is going either way.
    }
    if (notice) leaveNotice(notice);
    try {
      if (shell) await navigate(loginPath(shell), { replaceState: true });
    } finally {
      this.#forget();
      this.#leaving = false;
    }
  }

  /** The idle timer ran out: sign out, and say why on the login page. */
  async #timedOut(): Promise<void> {
    if (!this.current) return;
    if (browser) rememberReturn(location.pathname + location.search);
    await this.logout(NOTICES.idle);
  }

  #keepAlive(now: number): void {
    if (!this.current || this.#leaving || this.#loading) return;
    if (now - lastApiContact() < KEEPALIVE_MS) return;
    this.load().catch(() => undefined);
  }

  /** The API refused the session and its refresh: to the login page, saying the session timed out. */
  ended(): void {
    if (!browser || !this.current || this.#leaving) return;
    const shell = currentShell(this.current.account);
    rememberReturn(location.pathname + location.search);
    leaveNotice(NOTICES.expired);
    this.#forget();
    if (shell) void navigate(loginPath(shell), { replaceState: true });
  }

  /** The API says a step of signing in remains: find out which, and go to its page. */
  async incomplete(): Promise<void> {
    if (!browser) return;
    const view = await this.load().catch(() => null);
    const shell = currentShell(view?.account);
    const step = view && shell ? stepPath(shell, view.stage) : null;
    if (step && location.pathname !== step) await navigate(step);
  }
}

export const session = new Session();

setAuthHooks({
  sessionEnded: () => session.ended(),
  signInIncomplete: () => void session.incomplete(),
});
