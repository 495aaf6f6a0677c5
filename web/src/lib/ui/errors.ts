import { CONTACT_SUPPORT } from '$lib/support';

/** The heading of an error page, in Chinese, from the HTTP status. */
export function errorHeading(status: number): string {
  if (status === 404) return '页面不存在';
  if (status === 401) return '请先登录';
  if (status === 403) return '没有访问权限';
  if (status >= 500) return '系统出错了';
  return '请求出错了';
}

/**
 * The sentence under the heading. SvelteKit's own messages (a path no route matches) are English; replace them
 * with ones a user can act on. Messages our code throws are already Chinese and pass through.
 */
export function errorText(status: number, message: string | undefined): string {
  if (status === 404 && (!message || message === 'Not Found')) return '您访问的页面不存在，请检查地址是否正确。';
  if (!message || message === 'Internal Error') return `页面加载出错，请刷新后重试；如仍有问题，${CONTACT_SUPPORT}。`;
  return message;
}
