export { CONFIG_FILE, CONFIG_TEMPLATE, type Config, resolveConfig } from './resolve-config.ts'
