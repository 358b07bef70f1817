export { collectGarbage } from './collect-garbage.ts'
export { withCompileCache } from './compile-cache.ts'
export { ThreadPool, type ThreadPoolOptions, type WorkerMessage } from './thread-pool.ts'
