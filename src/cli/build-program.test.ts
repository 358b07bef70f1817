import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from './build-program.ts'

function leafCommands(command: Command, prefix = ''): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`
    return sub.commands.length > 0 ? leafCommands(sub, `${name} `) : [name]
  })
}

describe('the CLI reference', () => {
  const reference = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')
  const leaves = leafCommands(buildProgram())

  it('documents every command', () => {
    expect(leaves.length).toBeGreaterThan(20)
    expect(leaves.filter((name) => !reference.includes(`## fabu ${name}\n`))).toEqual([])
  })

  it('gives every command the --data option', () => {
    const program = buildProgram()
    const missing = leaves.filter((name) => {
      const command = name
        .split(' ')
        .reduce<Command | undefined>((at, part) => at?.commands.find((c) => c.name() === part), program)
      return !command?.options.some((option) => option.long === '--data')
    })
    expect(missing).toEqual([])
  })
})
