import { readFileSync } from 'node:fs'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { decodeText, TEXT_CHARSETS } from '../content/index.ts'
import { ValidationError } from '../errors/index.ts'

export interface CommonOptions {
  readonly data: string
  readonly json?: boolean
}

/** Adds the options every command takes. */
export function withCommonOptions(command: Command, options: { json?: boolean } = { json: true }): Command {
  command.addOption(new Option('--data <dir>', '数据目录 / data folder').default('./data'))
  if (options.json) command.option('--json', '输出 JSON / print JSON instead of a table')
  return command
}

export function positiveInt(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > 2_147_483_647) {
    throw new InvalidArgumentError('须为正整数 / must be a positive whole number')
  }
  return Number(value)
}

export function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('须为非负整数 / must be a whole number')
  return Number(value)
}

export function list(value: string): string[] {
  return value
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** The `--encoding` option of commands that read text files: UTF-8 unless another is named. */
export function encodingOption(): Option {
  return new Option(
    '--encoding <charset>',
    '读入文件的字符集，默认 utf-8 / charset of the files read, utf-8 by default',
  )
    .choices([...TEXT_CHARSETS])
    .default('utf-8')
}

/**
 * Reads a text file named on the command line; a missing or unreadable file is bad input, not
 * a crash. The bytes are decoded strictly in `encoding`: a GBK file read as UTF-8 is refused
 * (INVALID_ENCODING, naming the option and the file), never stored as U+FFFD.
 */
export function readInputFile(path: string, option: string, encoding = 'utf-8'): string {
  let bytes: Buffer
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new ValidationError(option, `无法读取文件 ${path}（${reason}）`, `cannot read ${path} (${reason})`)
  }
  return decodeText(bytes, encoding, `${option} ${path}`)
}

export function readJsonFile(path: string, option: string, encoding = 'utf-8'): unknown {
  const text = readInputFile(path, option, encoding)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ValidationError(
      option,
      `${path} 不是有效的 JSON`,
      `${path} is not valid JSON: ${(error as Error).message}`,
    )
  }
}
