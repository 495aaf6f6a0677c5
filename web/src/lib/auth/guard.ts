/**
 * Who may see a signed-in shell: a session of the shell's kind, for a regulator one with the shell's category,
 * at the `active` stage — or at a pending stage, but then only on that stage's step page. The layouts' `load`
 * asks this on every navigation; the API checks the same on every request.
 */
import { error, redirect } from '@sveltejs/kit';
import type { ResolvedPathname } from '$app/types';
import type { SessionResponse } from '$shared/api/identity';
import { ApiError } from '$lib/api/client';
import type { ShellRef } from '$lib/shell/shell';
import { loginPath, noPermissionPath, stepPath } from './paths';
import { rememberReturn, session } from './session.svelte';

/** Where the visitor of `pathname` in `shell` must go instead; `null` when the page may be shown. */
export function shellRedirect(
  view: SessionResponse | null,
  shell: ShellRef,
  pathname: string,
): ResolvedPathname | null {
  if (!view) return loginPath(shell);
  const a = view.account;
  if (shell.kind === 'platform') {
    if (a.kind !== 'regulator') return loginPath(shell);
    if (!(a.categories ?? []).includes(shell.category)) return noPermissionPath(shell.category);
  } else if (a.kind !== 'enterprise') {
    return loginPath(shell);
  }
  const step = stepPath(shell, view.stage);
  return step && pathname.replace(/\/+$/, '') !== step ? step : null;
}

/** For a shell layout's `load`: the session, or a redirect to where the visitor must go. */
export async function requireSession(shell: ShellRef, url: URL): Promise<SessionResponse> {
  let view: SessionResponse | null;
  try {
    view = await session.ensure();
  } catch (e) {
    // The API could not be asked (network, 5xx): say so rather than pretend there is no session.
    error(
      e instanceof ApiError && e.status >= 500 ? e.status : 503,
      e instanceof ApiError ? e.message : '无法连接服务器',
    );
  }
  const to = shellRedirect(view, shell, url.pathname);
  if (to) {
    // A bookmarked page of the shell: come back to it after signing in.
    if (!view) rememberReturn(url.pathname + url.search);
    redirect(307, to);
  }
  return view!;
}
