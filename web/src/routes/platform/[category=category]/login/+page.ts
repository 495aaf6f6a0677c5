import { CATEGORY_CODES, category } from '$shared/reference/categories';
import type { EntryGenerator, PageLoad } from './$types';

// The login page of each sub-platform is the same for everyone: prerender one per category (see `entries`).
// A category that is not one of them never matches the route (the `category` param matcher) and gets the 404.
export const prerender = true;

/** The eight pages to prerender, even those no link reaches. */
export const entries: EntryGenerator = () => CATEGORY_CODES.map((code) => ({ category: code }));

export const load: PageLoad = ({ params }) => ({ category: category(params.category) });
