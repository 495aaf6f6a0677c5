/**
 * Request headers the web and the API agree on. Zod-free on purpose: the web's first load imports it, and
 * anything importing zod here would put the whole of zod into every page.
 */

/**
 * Sent by the web on requests no person made (the 消息 badge's poll, and the token refresh it may cause):
 * the server serves them but does not count them as activity, so an open tab alone never holds off the
 * 30-minute idle timeout (等保2.0).
 */
export const BACKGROUND_HEADER = 'x-hz-background';
