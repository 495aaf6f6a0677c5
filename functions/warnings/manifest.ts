import { defineContext } from '../lib/wiring';
import { WARNING_LIST_ROUTES } from './list-routes';

/**
 * 大数据预警 (issue 12): the lists, 查看, 修改 of a certificate's dates and 关闭预警 (list-routes.ts). The scan and
 * its runs join this context from the kernel's branch.
 */
export const warningsManifest = defineContext({
  context: 'warnings',
  entry: 'functions/warnings/handler.ts',
  description: '大数据预警: the warning lists, 查看, 修改 (a certificate’s dates), 关闭预警',
  routes: [...WARNING_LIST_ROUTES],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      write: [
        'warnings',
        'warningListings',
        'warningSteps',
        'warningCounters',
        'warningOpenSets',
        // 修改: the licence through the register's writer, or the person's item.
        'licences',
        'enterprises',
        'enterpriseListings',
        'enterpriseCounters',
        'creditCodeClaims',
        'personnel',
        'audit',
      ],
      read: ['sessions'],
    },
  },
});
