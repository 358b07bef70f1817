import type { ChangedItem, InspectionChanges, InspectionItem } from './inspection-item.ts'

/**
 * The indicators that started or stopped failing between two runs, in the order of the
 * current report. An indicator new to this version of fabu counts as passing before.
 */
export function inspectionChanges(
  previous: { readonly checkedAt: string; readonly items: readonly InspectionItem[] },
  current: readonly InspectionItem[],
): InspectionChanges {
  const before = new Map(previous.items.map((item) => [item.rule, item.status]))
  const newlyFailed: ChangedItem[] = []
  const newlyFixed: ChangedItem[] = []
  for (const item of current) {
    const was = before.get(item.rule) ?? 'pass'
    const changed = { rule: item.rule, title: item.title, was, now: item.status }
    if (item.status === 'fail' && was !== 'fail') newlyFailed.push(changed)
    // Not checked this time (no Chromium, say) is not fixed.
    if ((item.status === 'pass' || item.status === 'warn') && was === 'fail') newlyFixed.push(changed)
  }
  return { since: previous.checkedAt, newlyFailed, newlyFixed }
}
