export { ThreadPool, type ThreadPoolOptions, type WorkerMessage } from './thread-pool.ts'
