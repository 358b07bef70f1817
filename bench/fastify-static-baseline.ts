// The public site as it was served before bench:serve existed: Fastify with @fastify/static on
// the published folder, the security headers added on every answer. Started by bench/serve.ts
// as a process of its own for a before/after figure. Usage: fastify-static-baseline.ts <folder>
import fastifyStatic from '@fastify/static'
import Fastify from 'fastify'
import { PUBLIC_SECURITY_HEADERS } from '../src/server/index.ts'

const [root = ''] = process.argv.slice(2)
const app = Fastify({ logger: false })
app.addHook('onSend', async (_request, reply) => {
  for (const [name, value] of Object.entries(PUBLIC_SECURITY_HEADERS)) reply.header(name, value)
})
await app.register(fastifyStatic, { root, index: ['index.html'], dotfiles: 'deny', wildcard: true })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
process.stdout.write(
  `listening at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/\n`,
)
