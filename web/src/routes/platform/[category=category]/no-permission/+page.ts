import { CATEGORY_CODES, category } from '$shared/reference/categories';
import type { EntryGenerator, PageLoad } from './$types';

// The same for everyone: prerendered, one per category, like the login pages.
export const prerender = true;

export const entries: EntryGenerator = () => CATEGORY_CODES.map((code) => ({ category: code }));

export const load: PageLoad = ({ params }) => ({ category: category(params.category) });
