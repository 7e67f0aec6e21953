/*
 * Camunda Forms in Tasklist, in Chinese. Tasklist 7.24 renders Camunda Forms with form-js 1.x, whose
 * own texts ("Field is required.", "Add new", "Select", the date picker's months…) are fixed English:
 * form-js has no translation hook and Tasklist creates the form without one. This custom script
 * (Tasklist's customScripts) translates those texts where form-js and its date picker draw them.
 * The forms' own labels are Chinese already; only form-js's built-in texts are matched.
 */
import { language } from './language.js';
import { translateTexts } from './texts.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };

/**
 * form-js: validation messages, placeholders (a date's order follows the browser's locale: 年/月/日 on
 * a Chinese browser, 月/日/年 on an American one), dynamic lists, searches, tables.
 */
const FORM_TEXTS = [
  [/^Field is required\.$/, '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少需要填写 $1 个字。'],
  [/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不正确，应符合 $1。'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, '请填写有效的电话号码（国际格式，如 +8613800000000）。'],
  [/^Value is not a number\.$/, '请填写数字。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, '请选择有效的值，最接近的有效值为 $1 和 $2。'],
  [/^Date and time must both be entered\.$/, '日期和时间须同时填写。'],
  [/^Select$/, '请选择'],
  [/^(yyyy|mm|dd)([/.-])(yyyy|mm|dd)\2(yyyy|mm|dd)$/,
    (format) => format.replace('yyyy', '年').replace('mm', '月').replace('dd', '日')],
  [/^hh:mm$/, '时:分'],
  [/^hh:mm \?m$/, '时:分 上午/下午'],
  [/^Add new$/, '新增一项'],
  [/^Expand all \((\d+)\)$/, '全部展开（$1）'],
  [/^Collapse$/, '收起'],
  [/^Remove list item (\d+)$/, '删除第 $1 项'],
  [/^Search$/, '搜索'],
  [/^No results$/, '无匹配项'],
  [/^All values selected$/, '已全部选择'],
  [/^Remove tag$/, '移除'],
  [/^Increment$/, '增加'],
  [/^Decrement$/, '减少'],
  [/^(Nothing|No content) to show\.$/, '暂无内容。'],
  [/^of$/, '/'],
  [/^Previous page$/, '上一页'],
  [/^Next page$/, '下一页'],
  [/^No options source defined in the form definition$/, '表单未设置选项来源'],
  [/^Powered by bpmn\.io$/, '表单由 bpmn.io 提供'],
  [/^Click to remove sorting$/, '点击取消排序'],
  [/^Click to sort by (.+) (ascending|descending)$/,
    (all, column, order) => `点击按${column}${order === 'ascending' ? '升序' : '降序'}排列`]
];

/** flatpickr, the date picker of form-js: months, weekdays and the days' spoken dates. */
const CALENDAR_TEXTS = [
  [new RegExp(`^(${MONTHS.join('|')})$`), (month) => `${MONTHS.indexOf(month) + 1}月`],
  [/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)$/, (day) => WEEKDAYS[day]],
  [new RegExp(`^(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})$`),
    (all, month, day, year) => `${year}年${MONTHS.indexOf(month) + 1}月${day}日`]
];

if (language === 'zh') {
  translateTexts([
    { selector: '.flatpickr-calendar', rules: CALENDAR_TEXTS },
    { selector: '.fjs-container', rules: FORM_TEXTS }
  ]);
}
