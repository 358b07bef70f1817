// One measured publish, loaded by run-publish.ts once the compile cache is on.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { createContent } from '../src/content/index.ts'
import { Publisher } from '../src/publish/index.ts'
import { openStore, searchFileOf } from '../src/store/index.ts'

const [dbPath = '', outputRoot = '', mode = 'full'] = process.argv.slice(2)
// A full publish is measured on a fresh copy of the unpublished corpus. The side-by-side
// harness (../shared/bench-anchors) makes it by removing the database and its -wal and -shm
// files only: the search index's own file (since the eighth session) stayed, and being the same
// database's index of the same articles, in step, it let every round after the first skip the
// search build (88 s and 399-435 MiB against 121 s and 567 MiB at 100,000 articles).
if (mode === 'full' && !(await hasBeenPublished(dbPath))) {
  for (const leftover of [searchFileOf(dbPath), `${searchFileOf(dbPath)}-wal`, `${searchFileOf(dbPath)}-shm`])
    rmSync(leftover, { force: true })
}
const store = await openStore({ sqlitePath: dbPath })
const content = createContent(store)
const publisher = new Publisher(store, content, {
  outputRootFor: () => join(outputRoot, 'site'),
  manifestDir: join(outputRoot, 'manifests'),
})
const started = performance.now()
const report = await publisher.publish({ site: 'bench', mode: mode === 'full' ? 'full' : 'incremental' })
const seconds = (performance.now() - started) / 1000
await store.close()
process.stdout.write(
  `${JSON.stringify({
    seconds,
    pages: report.written.length + report.unchanged,
    written: report.written.length,
    failed: report.failed.length,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
)

/** Whether the corpus at `path` was ever published (a publish run recorded), read without migrating it. */
async function hasBeenPublished(path: string): Promise<boolean> {
  const database = new DatabaseSync(path, { readOnly: true })
  try {
    const table = database.prepare("select 1 from sqlite_master where name = 'publish_runs'").get()
    return table !== undefined && database.prepare('select 1 from publish_runs limit 1').get() !== undefined
  } finally {
    database.close()
  }
}
