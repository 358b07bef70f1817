import { getCompileCacheDir } from 'node:module'

/**
 * The environment for a thread or process fabu starts, with the compile cache its parent has
 * on (`fabu` turns it on as it starts, src/cli/main.ts): Node reads NODE_COMPILE_CACHE as a
 * thread or process starts, and the parent's enableCompileCache() reaches neither. A worker
 * thread that loads the store started in 110-120 ms with it, 165-190 ms without.
 */
export function withCompileCache(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const folder = getCompileCacheDir()
  return folder === undefined || env.NODE_COMPILE_CACHE ? env : { ...env, NODE_COMPILE_CACHE: folder }
}
