export {
  AUDIT_KEY_ENV,
  type AuditKey,
  type AuditKeyring,
  auditKeyPath,
  loadAuditKeys,
  rotateAuditKey,
} from './audit-keys.ts'
export {
  INTERACTION_KEY_ENV,
  interactionKeyPath,
  loadInteractionKeys,
  type PersonalDataKeyring,
} from './interaction-key.ts'
export { CONFIG_FILE, CONFIG_TEMPLATE, type Config, resolveConfig } from './resolve-config.ts'
