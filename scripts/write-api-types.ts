import { writeFileSync } from 'node:fs'
import { apiDocument, apiTypes } from './api-types.ts'

/** The admin's API types, written from the OpenAPI document (a test fails while they are out of date). */
writeFileSync(new URL('../admin/src/api-types.gen.ts', import.meta.url), await apiTypes(await apiDocument()))
