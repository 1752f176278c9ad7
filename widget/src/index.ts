// Public entry of @digilocker-kyc/widget: importing it registers <digilocker-kyc>.
export type {
  CancelDetail,
  CancelReason,
  CompleteDetail,
  ErrorDetail,
  FallbackDetail,
  FallbackReason,
  KycMode,
  OpenDetail,
  StartDetail,
  WidgetStatus,
} from '@digilocker-kyc/shared/protocol';
export {
  DEFAULT_TIMINGS,
  type KycOutcome,
  type KycResult,
  type KycTimings,
} from './config.js';
export { DigilockerKyc, defineDigilockerKyc, TAG_NAME } from './define.js';
export type { KycEventMap } from './emit.js';
export { IN_APP_RULES, isInAppBrowser } from './in-app-browser.js';
export {
  BUILT_IN_STRINGS,
  type KycLocale,
  type KycStrings,
  LOCALES,
  type Translation,
} from './strings.js';
