import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/index.ts'

describe('the [checks] settings of fabu.toml', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-checks-config-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('runs the daily check at 06:30 with Debian’s Chromium unless told otherwise', () => {
    expect(resolveConfig(folder, {}).checks).toEqual({ dailyAt: '06:30', chromiumPath: '/usr/bin/chromium' })
  })

  it('takes the time from the file, and FABU_DAILY_CHECK over it, off included', async () => {
    await writeFile(
      join(folder, 'fabu.toml'),
      '[checks]\ndaily_at = "05:15"\nchromium_path = "/opt/chromium"\n',
    )
    expect(resolveConfig(folder, {}).checks).toEqual({ dailyAt: '05:15', chromiumPath: '/opt/chromium' })
    expect(resolveConfig(folder, { FABU_DAILY_CHECK: '07:00' }).checks.dailyAt).toBe('07:00')
    expect(resolveConfig(folder, { FABU_DAILY_CHECK: 'off' }).checks.dailyAt).toBeNull()
  })

  it('names the setting when the time is not a time of day', async () => {
    await writeFile(join(folder, 'fabu.toml'), '[checks]\ndaily_at = "25:00"\n')
    expect(() => resolveConfig(folder, {})).toThrow(/checks\.daily_at/)
    expect(() => resolveConfig(join(folder, 'none'), { FABU_DAILY_CHECK: 'daily' })).toThrow(
      /FABU_DAILY_CHECK/,
    )
  })
})
