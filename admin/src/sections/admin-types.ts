/** The administration API's answers, as its OpenAPI document describes them (`npm run api:types`). */
export type { AuditRecord, AuditVerification, SiteSettings, UserAccount } from '../api-types.gen.ts'
