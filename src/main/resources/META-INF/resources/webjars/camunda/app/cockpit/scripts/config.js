// Cockpit configuration of the consultation platform (overrides the webjar's empty config.js).
export default {
  // 协商督办: the stalled-consultation view as Cockpit plugins (dashboard, process-definition tab, page)
  customScripts: ['scripts/consult/supervision'],
};
