/** The inspection report as GET /api/sites/:site/inspection/latest answers (`npm run api:types`). */
import type { InspectionItem, InspectionRunList } from '../api-types.gen.ts'

export type { EvidenceRef, InspectionItem, InspectionReport } from '../api-types.gen.ts'

export type InspectionStatus = InspectionItem['status']

export type InspectionRun = InspectionRunList['items'][number]
