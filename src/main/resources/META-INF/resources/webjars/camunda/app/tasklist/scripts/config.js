/*
 * Tasklist (待办任务): Simplified Chinese unless English was chosen in 我的资料 → 界面语言 (see
 * ../../consult/language.js), Camunda Forms' own texts included (../../consult/camunda-forms.js).
 * Overrides the webjar's scripts/config.js; the keyboard shortcuts are Tasklist's defaults.
 */
import { appName, language, locales } from '../../consult/language.js';

const zh = language === 'zh';

export default {
  app: { vendor: 'Camunda', name: appName('tasklist') },
  locales,
  customScripts: ['../consult/webapps', '../consult/camunda-forms'],
  requireJsConfig: { ngDeps: ['consult.webapps'] },
  // no first-visit box pointing to Camunda's English welcome page
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: zh ? '认领当前选中的任务' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: zh ? '将焦点移到第一个筛选器' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: zh ? '将焦点移到任务列表的第一项任务' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: zh ? '将焦点移到任务表单的第一个输入框' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: zh ? '打开发起流程对话框' : 'opens the start process modal dialog'
    }
  }
};
