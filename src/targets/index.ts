export {
  createTargets,
  type DeliveryOutcome,
  type TargetSummary,
  type Targets,
  type TargetsOptions,
} from './target-service.ts'
export { TARGET_KINDS, type TargetKind } from './target-settings.ts'
