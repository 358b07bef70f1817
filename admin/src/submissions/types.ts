/** The shapes of the 信息报送 API, as its OpenAPI document describes them (`npm run api:types`). */
import type { Submission } from '../api-types.gen.ts'

export type { AdoptionReport, Submission, SubmissionTarget } from '../api-types.gen.ts'

export type SubmissionStatus = Submission['status']
