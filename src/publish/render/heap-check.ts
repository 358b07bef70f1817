import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

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

let gc: (() => void) | undefined
/**
 * V8's full collection, made available on first need. Starting every render process with
 * `--expose-gc` instead cost it about 10 ms of its start (two started together were ready in
 * 86–88 ms rather than 74–78, compile cache warm), for a check a default-theme page never reaches.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
}
