/*
 * What the locale files cannot translate in the parts every webapp shares: the app switcher's
 * names (hard-coded "Welcome", "Tasklist", "Cockpit", "Admin"), the time zone the footer names
 * ("Asia/Shanghai" becomes 中国标准时间), the diagram viewers' zoom buttons and the example names in
 * the profile form, the variables tables' value types, the "null" of an empty field, all
 * hard-coded English in Camunda's widgets and pages; and Cockpit's times, shown as 2026-05-01T09:30:00.
 *
 * A custom script (customScripts in each app's scripts/config.js) that registers the AngularJS
 * module "consult.webapps" (requireJsConfig.ngDeps), decorating Camunda's widgets. A widget that a
 * later Camunda version renames is left as it is (logged), never stops the app.
 */
import { appName, language } from './language.js';
import { translateTexts } from './texts.js';

const APP = document.querySelector('base').getAttribute('app-name');

/** Hard-coded English in the widgets' templates, by directive. */
const TEMPLATE_TEXTS = {
  camWidgetBpmnViewer: { 'title="zoom in"': 'title="放大"', 'title="zoom out"': 'title="缩小"', 'title="reset zoom"': 'title="还原"' },
  camWidgetCmmnViewer: { 'title="zoom in"': 'title="放大"', 'title="zoom out"': 'title="缩小"', 'title="reset zoom"': 'title="还原"' },
  camWidgetDmnViewer: { 'title="zoom in"': 'title="放大"', 'title="zoom out"': 'title="缩小"', 'title="reset zoom"': 'title="还原"' },
  userProfile: { 'placeholder="Jonny"': 'placeholder=""', 'placeholder="Prosciutto"': 'placeholder=""', 'placeholder="j.prosciutto@acme.org"': 'placeholder=""' },
  camWidgetVariablesTable: {
    '\n      Actions\n': '\n      操作\n',
    '{{ variable.type }}': '{{ variable.type | consultValueType }}',
    '\n          Download\n': '\n          下载\n',
    '&lt;undefined&gt;': '&lt;未定义&gt;'
  },
  camWidgetVariable: { '{{ variable.type }}': '{{ variable.type | consultValueType }}' }
};

/** The engine's value types, as the variables tables name them. */
const VALUE_TYPES = {
  String: '字符串', Long: '长整数', Integer: '整数', Short: '短整数', Double: '双精度浮点数', Boolean: '布尔值',
  Date: '日期', Null: '空值', Object: '对象', Json: 'JSON', Xml: 'XML', Bytes: '二进制', File: '文件'
};

function timeZoneName() {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZoneName: 'long' }).formatToParts(new Date());
  const zone = parts.find((part) => part.type === 'timeZoneName');
  return zone ? zone.value : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function decorate($provide, directive, decorator) {
  try {
    $provide.decorator(directive + 'Directive', ['$delegate', function ($delegate) {
      decorator($delegate[0]);
      return $delegate;
    }]);
  } catch (e) {
    console.warn('consult.webapps: cannot decorate ' + directive, e);
  }
}

const module = window.angular.module('consult.webapps', []);

module.filter('consultValueType', function () {
  return function (type) {
    return (language === 'zh' && VALUE_TYPES[type]) || type;
  };
});

module.config(['$provide', function ($provide) {
  decorate($provide, 'camWidgetHeader', function (header) {
    const controller = header.controller;
    header.controller = ['$scope', '$injector', function ($scope, $injector) {
      $injector.invoke(controller, this, { $scope: $scope });
      $scope.$watch('apps', function (apps) {
        Object.keys(apps || {}).forEach(function (app) {
          apps[app].label = appName(app);
        });
      });
    }];
  });

  if (language !== 'zh') {
    return;
  }

  decorate($provide, 'camWidgetFooter', function (footer) {
    const link = footer.link;
    footer.compile = function () {
      return function (scope) {
        link.apply(this, arguments);
        scope.timezoneName = timeZoneName();
      };
    };
  });

  Object.keys(TEMPLATE_TEXTS).forEach(function (directive) {
    decorate($provide, directive, function (definition) {
      if (typeof definition.template !== 'string') {
        return;
      }
      Object.entries(TEMPLATE_TEXTS[directive]).forEach(function ([english, chinese]) {
        definition.template = definition.template.split(english).join(chinese);
      });
    });
  });
}]);

if (language === 'zh') {
  // Cockpit's definition and instance pages write an empty value as "null"
  translateTexts([{ selector: '.null-value', rules: [[/^null$/, '无']] }]);
}

if (language === 'zh' && APP === 'cockpit') {
  module.config(['camDateFormatProvider', function (camDateFormatProvider) {
    camDateFormatProvider.setDateFormat('YYYY-MM-DD HH:mm:ss', 'normal');
  }]);
}
