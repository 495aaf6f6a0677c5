/**
 * The signed-in shell a page is shown in, as a Svelte context: the shell's layout provides it once, and a page
 * or a component deep inside it reads it, instead of every route passing `shell`, `siteTitle` and the account
 * down through each page's props.
 */
import { createContext } from 'svelte';
import type { SessionAccount } from '$shared/api/identity';
import type { CategoryCode } from '$shared/reference/categories';
import type { MenuItem } from '$lib/nav/menu';
import type { ShellRef } from './shell';

export interface Shell {
  /** Which shell: decides where its links point. */
  readonly ref: ShellRef;
  /** The platform's name, for document titles. */
  readonly siteTitle: string;
  /** The signed-in account (regulator or enterprise). */
  readonly account: SessionAccount;
  /** The header menu as this account sees it. */
  readonly menu: readonly MenuItem[];
}

const [getShell, setShell] = createContext<Shell>();

/**
 * Called by a shell's layout with an object whose getters read the layout's current data, so readers follow
 * navigation without a new context.
 */
export const provideShell = setShell;

/** The shell this component is shown in. */
export const useShell = getShell;

/** The category of a regulators' sub-platform shell; a page that only exists there uses it. */
export function shellCategory(shell: Shell): CategoryCode {
  if (shell.ref.kind !== 'platform') throw new Error('这个页面只在监管平台中使用');
  return shell.ref.category;
}

/** The enterprise of the enterprises' shell (its signed-in account's). */
export function shellEnterpriseId(shell: Shell): string {
  return shell.account.enterpriseId ?? '';
}
