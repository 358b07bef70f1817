#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=40
import { enableCompileCache } from 'node:module'
import { privateCompileCacheFolder } from './compile-cache-folder.ts'

// Node keeps the compiled code of fabu's modules (about 1,400, with its libraries) on disk
// between runs, keyed by their source, so every command after the first starts in about 60 %
// of the time. It must be on before they load, hence the dynamic import. Where the cache
// folder cannot be written, Node says so in the status and carries on without it; where no
// folder of this user's own can be had, fabu runs without it.
const cacheFolder = privateCompileCacheFolder()
if (cacheFolder !== undefined) enableCompileCache(cacheFolder)
await import('./run-cli.ts')
