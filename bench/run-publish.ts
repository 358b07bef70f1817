// One measured publish in a process of its own, so peak RSS is this run's alone.
// Usage: run-publish.ts <sqlite file> <output folder> full|incremental
// (also what ../shared/bench-anchors/side-by-side runs as fabu's full build)
import { enableCompileCache } from 'node:module'
import { privateCompileCacheFolder } from '../src/cli/compile-cache-folder.ts'

// As `fabu` itself starts (src/cli/main.ts): Node keeps fabu's compiled modules between runs,
// so what is measured is the publish a user's second and later commands get.
const cacheFolder = privateCompileCacheFolder()
if (cacheFolder !== undefined) enableCompileCache(cacheFolder)
await import('./measured-publish.ts')
