/*
 * Welcome (首页): Simplified Chinese unless English was chosen in 我的资料 → 界面语言 (see
 * ../../consult/language.js). Overrides the webjar's scripts/config.js.
 */
import { appName, language, locales } from '../../consult/language.js';

export default {
  app: { vendor: 'Camunda', name: appName('welcome') },
  locales,
  customScripts: ['../consult/webapps', '../consult/language-switch'],
  requireJsConfig: { ngDeps: ['consult.webapps'] },
  // no first-visit box pointing to Camunda's English welcome page
  disableWelcomeMessage: true,
  links: [
    language === 'zh'
      ? { label: '协商工作台', href: '/app/', description: '议题、协商与成果办理的工作入口' }
      : { label: 'Consultation desk', href: '/app/', description: 'Topics, consultations and their results' }
  ]
};
