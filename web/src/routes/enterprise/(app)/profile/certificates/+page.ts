import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { enterprisePageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 企业信息管理 › 企业证书管理. */
export const load: PageLoad = () => ({ trail: enterprisePageTrail(ENTERPRISE_MENU, ['profile', 'certificates']) });
