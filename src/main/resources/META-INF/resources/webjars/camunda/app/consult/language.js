/*
 * The language of the Camunda webapps (Welcome, Tasklist, Cockpit, Admin): Simplified Chinese,
 * unless this browser chose English on the Welcome page (我的资料 → 界面语言). The choice is kept in
 * the browser (localStorage), so it holds for every app and survives logging out.
 *
 * Read by each app's scripts/config.js before the app starts.
 */
const STORAGE_KEY = 'consult.language';

export const LANGUAGES = { zh: '简体中文', en: 'English' };

export const language = window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';

/*
 * The webapps take the browser's language when it is among availableLocales and the fallback
 * otherwise. Offering only the chosen language makes the choice win over the browser's: staff see
 * Chinese even on a browser set to English, until they choose English.
 */
export const locales = { availableLocales: [language], fallbackLocale: language };

const APP_NAMES = {
  zh: { welcome: '首页', tasklist: '待办任务', cockpit: '流程监控', admin: '系统管理' },
  en: { welcome: 'Welcome', tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin' }
};

/** The name of an app as the header, the page title and the app switcher show it. */
export function appName(app) {
  return APP_NAMES[language][app];
}

/** Switches every webapp of this browser to the given language. */
export function choose(lang) {
  window.localStorage.setItem(STORAGE_KEY, lang === 'en' ? 'en' : 'zh');
  window.location.reload();
}
