/** The warnings context's Lambda: 大数据预警's lists, 查看, 修改 and 关闭预警. */
import { defineHandler } from '../lib/handler';
import { warningListImpls } from './list-handlers';
import { warningsManifest } from './manifest';

export const handler = defineHandler(warningsManifest, (deps) => ({
  routes: { ...warningListImpls(deps) },
}));
