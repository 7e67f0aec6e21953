/*
 * Decision tables in Cockpit, in Chinese. Cockpit 7.24 shows a DMN table with dmn-js, whose own
 * texts ("Hit policy:", "When", "Then", the hit policies and their explanations…) are English and
 * which Cockpit creates without a translation module. This custom script (Cockpit's customScripts)
 * translates those texts where dmn-js draws them; the table's own content is left as it is.
 */
import { language } from './language.js';
import { translateTexts } from './texts.js';

const HIT_POLICIES = {
  'Unique': '唯一', 'First': '首个命中', 'Priority': '优先级', 'Any': '任一', 'Collect': '汇总',
  'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小值）', 'Collect (Max)': '汇总（最大值）',
  'Collect (Count)': '汇总（计数）', 'Rule order': '按规则顺序', 'Output order': '按输出顺序'
};

const EXPLANATIONS = {
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched': '规则互不重叠，只会命中一条规则',
  'Rules may overlap. The first matching rule will be chosen': '规则可能重叠，取第一条命中的规则',
  'Rules may overlap. The one with the highest priority will be chosen': '规则可能重叠，取优先级最高的规则',
  'Rules may overlap. Their output have to match': '规则可能重叠，命中规则的输出必须一致',
  'Collects the values of all matching rules': '汇总所有命中规则的值',
  'Collects the values of all matching rules and sums up to a single value': '汇总所有命中规则的值并求和',
  'Collects the values of all matching rules and uses the lowest value': '汇总所有命中规则的值并取最小值',
  'Collects the values of all matching rules and uses the highest value': '汇总所有命中规则的值并取最大值',
  'Collects the values of all matching rules and counts the number of them': '统计命中规则的条数',
  'Collects the values of all matching rules in rule order': '按规则顺序汇总所有命中规则的值',
  'Collects the values of all matching rules in decreasing output priority order': '按输出优先级从高到低汇总所有命中规则的值'
};

const TYPES = {
  string: '字符串', boolean: '布尔值', integer: '整数', long: '长整数', double: '双精度浮点数', date: '日期'
};

function oneOf(texts) {
  return new RegExp(`^(${Object.keys(texts).map((text) => text.replace(/[()]/g, '\\$&')).join('|')})$`);
}

const TABLE_TEXTS = [
  [/^Hit policy:$/, '命中策略：'],
  [oneOf(HIT_POLICIES), (policy) => HIT_POLICIES[policy]],
  [oneOf(EXPLANATIONS), (explanation) => EXPLANATIONS[explanation]],
  [/^When$/, '当'],
  [/^And$/, '且'],
  [/^Then$/, '则'],
  [/^Annotations$/, '备注'],
  [/^Decision name: (.*)$/s, '决策名称：$1'],
  [/^Input label(?:: (.*))?$/s, (all, label) => `输入${label === undefined ? '' : '：' + label}`],
  [/^Input expression(?:: (.*))?$/s, (all, text) => `输入表达式${text === undefined ? '' : '：' + text}`],
  [/^Input values$/, '输入取值'],
  [/^Input type$/, '输入类型'],
  [/^Output label(?:: (.*))?$/s, (all, label) => `输出${label === undefined ? '' : '：' + label}`],
  [/^Output name(?:: (.*))?$/s, (all, name) => `输出变量${name === undefined ? '' : '：' + name}`],
  [/^Output values$/, '输出取值'],
  [/^Output type$/, '输出类型'],
  [oneOf(TYPES), (type) => TYPES[type]]
];

if (language === 'zh') {
  translateTexts([{ selector: '.dmn-decision-table-container', rules: TABLE_TEXTS }]);
}
