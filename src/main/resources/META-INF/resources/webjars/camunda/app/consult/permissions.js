/*
 * Admin's authorizations show the engine's permission names (ALL, READ, TASK_WORK…) as they are;
 * this custom script (Admin's customScripts) shows them in Chinese. The names stay what Camunda's
 * REST API and documentation use; only what the page shows changes.
 */
import { language } from './language.js';
import { translateTexts } from './texts.js';

const PERMISSIONS = {
  ALL: '全部', NONE: '无', ACCESS: '访问', CREATE: '创建', READ: '读取', UPDATE: '更新', DELETE: '删除',
  EDIT: '编辑', SET: '设置', SHARE: '共享', SUSPEND: '挂起', RETRY_JOB: '重试作业',
  CREATE_INSTANCE: '创建实例', READ_INSTANCE: '读取实例', UPDATE_INSTANCE: '更新实例',
  DELETE_INSTANCE: '删除实例', SUSPEND_INSTANCE: '挂起实例', MIGRATE_INSTANCE: '迁移实例',
  READ_TASK: '读取任务', UPDATE_TASK: '更新任务', TASK_WORK: '办理任务', TASK_ASSIGN: '指派任务',
  READ_HISTORY: '读取历史', UPDATE_HISTORY: '更新历史', DELETE_HISTORY: '删除历史',
  READ_VARIABLE: '读取变量', UPDATE_VARIABLE: '更新变量', READ_HISTORY_VARIABLE: '读取历史变量',
  READ_INSTANCE_VARIABLE: '读取实例变量', UPDATE_INSTANCE_VARIABLE: '更新实例变量',
  READ_TASK_VARIABLE: '读取任务变量', UPDATE_TASK_VARIABLE: '更新任务变量',
  CREATE_BATCH_CORRELATE_MESSAGE: '批量关联消息',
  CREATE_BATCH_DELETE_DECISION_INSTANCES: '批量删除决策实例',
  CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES: '批量删除已结束的流程实例',
  CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES: '批量删除运行中的流程实例',
  CREATE_BATCH_MIGRATE_PROCESS_INSTANCES: '批量迁移流程实例',
  CREATE_BATCH_MODIFY_PROCESS_INSTANCES: '批量修改流程实例',
  CREATE_BATCH_RESTART_PROCESS_INSTANCES: '批量重新启动流程实例',
  CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES: '批量设置外部任务重试次数',
  CREATE_BATCH_SET_JOB_RETRIES: '批量设置作业重试次数',
  CREATE_BATCH_SET_REMOVAL_TIME: '批量设置清除时间',
  CREATE_BATCH_SET_VARIABLES: '批量设置变量',
  CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND: '批量挂起或激活流程实例'
};

/** One permission name, or a list of them as Admin joins them ("READ, UPDATE"). */
const PERMISSION_LIST = [
  [/^[A-Z_]+(, [A-Z_]+)*$/, (list) => list.split(', ').map((name) => PERMISSIONS[name] || name).join('、')]
];

if (language === 'zh') {
  translateTexts([{ selector: '.permissions', rules: PERMISSION_LIST }]);
}
