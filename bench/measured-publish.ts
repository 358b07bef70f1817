// One measured publish, loaded by run-publish.ts once the compile cache is on.
import { join } from 'node:path'
import { createContent } from '../src/content/index.ts'
import { Publisher } from '../src/publish/index.ts'
import { openStore } from '../src/store/index.ts'

const [dbPath = '', outputRoot = '', mode = 'full'] = process.argv.slice(2)
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
