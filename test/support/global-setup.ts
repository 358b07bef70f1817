import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database this test run owns, or null when PostgreSQL could not be reached. */
    pgUrl: string | null
    /** Why PostgreSQL could not be used, for the PostgreSQL half of the suite to fail with. */
    pgError: string | null
  }
}

const ADMIN_URL = process.env.FABU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Creates a PostgreSQL database for this run alone, and drops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // No daily inspection run in any `fabu serve` the tests start (workers inherit this).
  process.env.FABU_DAILY_CHECK = 'off'
  const name = `fabu_test_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
    await admin.query(`create database ${name}`)
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error)
    project.provide('pgUrl', null)
    project.provide('pgError', `PostgreSQL at ${ADMIN_URL} cannot be used for the tests: ${reason}`)
    await admin.end().catch(() => {})
    return async () => {}
  }
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  project.provide('pgUrl', url.toString())
  project.provide('pgError', null)

  return async () => {
    const cleaner = new pg.Client({ connectionString: ADMIN_URL })
    await cleaner.connect()
    await cleaner.query(`drop database if exists ${name} with (force)`)
    await cleaner.end()
  }
}
