/*
 * Cockpit (流程监控): Simplified Chinese unless English was chosen in 我的资料 → 界面语言 (see
 * ../../consult/language.js), decision tables included (../../consult/decision-tables.js), and the
 * consultation platform's supervision plugins (协商督办: dashboard section, process-definition tab,
 * page; scripts/consult/supervision.js). Overrides the webjar's scripts/config.js.
 */
import { appName, locales } from '../../consult/language.js';

export default {
  app: { vendor: 'Camunda', name: appName('cockpit') },
  locales,
  customScripts: ['../consult/webapps', '../consult/decision-tables', 'scripts/consult/supervision'],
  requireJsConfig: { ngDeps: ['consult.webapps'] },
  // no first-visit box pointing to Camunda's English welcome page
  disableWelcomeMessage: true
};
