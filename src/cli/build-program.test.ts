import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from './build-program.ts'
import { cliReference } from './cli-reference.ts'

function leafCommands(command: Command, prefix = ''): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`
    return sub.commands.length > 0 ? leafCommands(sub, `${name} `) : [name]
  })
}

describe('the CLI reference', () => {
  it('is the commands’ current help text (run `npm run docs:cli` after changing a command)', () => {
    const reference = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')
    expect(reference).toBe(cliReference())
  })

  it('gives every command the --data option', () => {
    const program = buildProgram()
    const leaves = leafCommands(program)
    expect(leaves.length).toBeGreaterThan(20)
    const missing = leaves.filter((name) => {
      const command = name
        .split(' ')
        .reduce<Command | undefined>((at, part) => at?.commands.find((c) => c.name() === part), program)
      return !command?.options.some((option) => option.long === '--data')
    })
    expect(missing).toEqual([])
  })
})
