import type { ParamMatcher } from '@sveltejs/kit';
import { isCategoryCode, type CategoryCode } from '$shared/reference/categories';

/** `/platform/[category=category]/…` matches only the eight sub-platforms; anything else is a 404. */
export const match = ((param: string): param is CategoryCode => isCategoryCode(param)) satisfies ParamMatcher;
