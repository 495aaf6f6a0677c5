/**
 * An enterprise's open self-registration application, read by the registration context (to refuse a second
 * one) and by sign-in (to tell an applicant whose account doesn't exist yet why: 审核中 or the rejection
 * reason). Shared here so neither context imports the other.
 */
import type { EntityItem } from 'electrodb';
import { verifyPassword } from '../auth/password';
import type { Store } from '../../store';

type Registration = EntityItem<Store['registrations']>;

export async function openApplication(store: Store, login: string): Promise<Registration | undefined> {
  const { data: guard } = await store.registrationGuards.get({ login }).go();
  if (!guard) return undefined;
  const { data } = await store.registrations.get({ requestId: guard.requestId }).go();
  return data ?? undefined;
}

/** The applicant's status message, only to someone who knows the application's password (no enumeration). */
export async function applicationStatusMessage(store: Store, login: string, password: string): Promise<string | null> {
  const open = await openApplication(store, login);
  if (!open || open.status === 'approved') return null;
  if (!(await verifyPassword(password, open.passwordHash))) return null;
  return open.status === 'pending'
    ? '您的注册申请正在审核中，审核通过后即可登录'
    : `您的注册申请未通过审核：${open.reason ?? ''}。请修改后重新注册`;
}
