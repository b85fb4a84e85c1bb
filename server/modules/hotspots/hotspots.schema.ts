/**
 * Request and response shapes of the hotspots API. They are shared with the web app, so they live
 * in common/hotspots.ts; this file names them for the module.
 */
export {
  AcknowledgeHotspotBody,
  AddHotspotUpdateBody,
  CreateHotspotBody,
  EscalateHotspotBody,
  FlashReportRule,
  HotspotDetail,
  HotspotFigures,
  HotspotFiguresQuery,
  HotspotIdParams,
  HotspotKind,
  HotspotListQuery,
  HotspotPage,
  HotspotTree,
  HotspotTreeQuery,
  PutFlashReportRuleBody,
  PutHotspotLinksBody,
  UpdateHotspotBody,
} from '../../../common/hotspots.js';
