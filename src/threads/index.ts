export { withCompileCache } from './compile-cache.ts'
export { ThreadPool, type ThreadPoolOptions, type WorkerMessage } from './thread-pool.ts'
