import { getHeapStatistics } from 'node:v8'
import { collectGarbage } from '../../threads/index.ts'

/**
 * Whether the heap is still half full after the page, garbage collected. A page stopped
 * part-way (LiquidJS's render limit) was seen to leave its process so short of memory that
 * the next page, innocent, ran out of it and was blamed: such a process retires instead, as
 * one whose page failed at a resource limit does.
 */
export function isHeapCrowded(): boolean {
  const before = getHeapStatistics()
  if (before.used_heap_size < before.heap_size_limit / 2) return false
  try {
    collectGarbage()
  } catch {
    // No collection to be had (the flag refused): judged as the heap stands, the process
    // retires, rather than failing here and having the next page blamed for its exit.
    return true
  }
  const after = getHeapStatistics()
  return after.used_heap_size >= after.heap_size_limit / 2
}
