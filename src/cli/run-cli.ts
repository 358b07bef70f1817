/** The fabu command, parsed and run (main.ts loads it once Node's compile cache is on). */
import { CommanderError } from 'commander'
import { asFabuError } from '../errors/index.ts'
import { buildProgram } from './build-program.ts'

// `fabu article list | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

try {
  await (await buildProgram(process.argv)).parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help/version text) already.
    process.exitCode = error.exitCode
  } else {
    const failure = asFabuError(error)
    process.stderr.write(`fabu: ${failure.code}: ${failure.messages.zh} / ${failure.messages.en}\n`)
    if (failure.code === 'INTERNAL' && process.env.FABU_DEBUG) console.error(failure.cause)
    process.exitCode = failure.code === 'INTERNAL' ? 70 : 1
  }
}
