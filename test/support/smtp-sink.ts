import { createServer, type Server } from 'node:net'

export interface ReceivedMail {
  readonly from: string
  readonly to: readonly string[]
  readonly data: string
}

/**
 * A local SMTP server that accepts every message and keeps it: enough of RFC 5321 for
 * nodemailer without TLS (EHLO, MAIL, RCPT, DATA, QUIT). Tests read `received`.
 */
export async function startSmtpSink(): Promise<{
  port: number
  received: ReceivedMail[]
  close(): Promise<void>
}> {
  const received: ReceivedMail[] = []
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let from = ''
    let to: string[] = []
    let data = ''
    socket.write('220 sink ESMTP\r\n')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line === '.') {
            inData = false
            received.push({ from, to, data })
            socket.write('250 OK queued\r\n')
          } else data += `${line.startsWith('..') ? line.slice(1) : line}\n`
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n')
        else if (verb === 'MAIL') {
          from = line.slice(10).replace(/[<>]/g, '').trim()
          to = []
          data = ''
          socket.write('250 OK\r\n')
        } else if (verb === 'RCPT') {
          to.push(line.slice(8).replace(/[<>]/g, '').trim())
          socket.write('250 OK\r\n')
        } else if (verb === 'DATA') {
          inData = true
          socket.write('354 go on\r\n')
        } else if (verb === 'QUIT') socket.end('221 bye\r\n')
        else socket.write('250 OK\r\n')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
