import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CONFIG_FILE, CONFIG_TEMPLATE } from '../config/index.ts'
import { ConfigError } from '../errors/index.ts'

/**
 * Makes the data folder and its commented config file where they are missing. An existing
 * config may hold an operator's settings, so it is never overwritten.
 */
export function ensureDataFolder(dataDir: string): { readonly configPath: string; readonly isNew: boolean } {
  const folder = resolve(dataDir)
  const configPath = join(folder, CONFIG_FILE)
  try {
    mkdirSync(folder, { recursive: true })
    if (existsSync(configPath)) return { configPath, isNew: false }
    writeFileSync(configPath, CONFIG_TEMPLATE, { flag: 'wx' })
    return { configPath, isNew: true }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(folder, `无法创建数据目录（${code}）`, `cannot create the data folder (${code})`)
  }
}
