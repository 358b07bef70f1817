export type { DeliveryOutcome } from './deliver-target.ts'
export {
  createTargets,
  type TargetSummary,
  type Targets,
  type TargetsOptions,
} from './target-service.ts'
export { TARGET_KINDS, type TargetKind } from './target-settings.ts'
