/**
 * A real SMTP server in the test process (smtp-server + mailparser, stack.md §3): proves delivery,
 * Thai subjects and attachments end to end. `mode` switches it between accepting and answering
 * 451 (temporary failure) to MAIL FROM.
 */
import net from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpSink = {
  port: number
  /** smtp://user:pass@127.0.0.1:port */
  url: string
  messages: { raw: Buffer; parsed: ParsedMail; envelopeTo: string[]; user: string | undefined }[]
  mode: 'accept' | 'tempfail'
  close(): Promise<void>
}

export async function startSmtpSink(auth = { user: 'amrac', pass: 'smtp-secret-pass' }): Promise<SmtpSink> {
  const sink = { messages: [], mode: 'accept' } as unknown as SmtpSink
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    onAuth(a, _session, cb) {
      if (a.username === auth.user && a.password === auth.pass) cb(null, { user: a.username })
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onMailFrom(_address, _session, cb) {
      if (sink.mode === 'tempfail') cb(Object.assign(new Error('Try again later'), { responseCode: 451 }))
      else cb()
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then(
          (parsed) => {
            sink.messages.push({ raw, parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined })
            cb()
          },
          (e: Error) => cb(e),
        )
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  sink.port = ((server.server as net.Server).address() as net.AddressInfo).port
  sink.url = `smtp://${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@127.0.0.1:${sink.port}`
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return sink
}

/** A port nothing listens on (connection refused). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** Accepts TCP connections and never says a word (a black hole for SMTP greetings). */
export async function startBlackHole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
