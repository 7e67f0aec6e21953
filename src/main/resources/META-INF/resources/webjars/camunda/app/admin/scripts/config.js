/*
 * Admin (系统管理): Simplified Chinese unless English was chosen in 我的资料 → 界面语言 (see
 * ../../consult/language.js), the engine's permission names included (../../consult/permissions.js).
 * Overrides the webjar's scripts/config.js.
 */
import { appName, locales } from '../../consult/language.js';

export default {
  app: { vendor: 'Camunda', name: appName('admin') },
  locales,
  customScripts: ['../consult/webapps', '../consult/permissions'],
  requireJsConfig: { ngDeps: ['consult.webapps'] },
  // no first-visit box pointing to Camunda's English welcome page
  disableWelcomeMessage: true
};
