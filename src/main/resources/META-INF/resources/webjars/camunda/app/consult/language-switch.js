/*
 * 界面语言 / Language: a section of the Welcome page's profile (user menu → 我的资料) to switch the
 * webapps between Simplified Chinese and English. Camunda 7.24 has no language switcher of its
 * own; it follows the browser, which this choice overrides (see language.js).
 */
import { LANGUAGES, choose, language } from './language.js';

export default {
  id: 'consult.languageSwitch',
  pluginPoint: 'welcome.profile',
  priority: 100,
  render: (container) => {
    const section = document.createElement('section');
    section.className = 'consult-language';
    const heading = document.createElement('h3');
    heading.textContent = language === 'zh' ? '界面语言' : 'Language (界面语言)';
    section.appendChild(heading);
    for (const [code, name] of Object.entries(LANGUAGES)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = code === language ? 'btn btn-primary btn-sm' : 'btn btn-default btn-sm';
      button.textContent = name;
      button.setAttribute('lang', code === 'zh' ? 'zh-CN' : 'en');
      button.disabled = code === language;
      button.addEventListener('click', () => choose(code));
      section.appendChild(button);
      section.appendChild(document.createTextNode(' '));
    }
    container.appendChild(section);
  }
};
