import { writeFileSync } from 'node:fs'
import { cliReference } from '../src/cli/cli-reference.ts'

writeFileSync(new URL('../docs/cli.md', import.meta.url), await cliReference())
