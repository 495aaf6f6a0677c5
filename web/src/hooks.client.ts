import type { HandleClientError } from '@sveltejs/kit';
import { errorText } from '$lib/ui/errors';

/** An unexpected error in the browser (or a path no route matches): show a Chinese message, log the rest. */
export const handleError: HandleClientError = ({ error, status, message }) => {
  if (status !== 404) console.error(error);
  return { message: errorText(status, status === 404 ? message : undefined) };
};
