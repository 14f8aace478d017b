/**
 * The throughput ceiling: a bare Fastify hello-world on this machine, no plugins, no logging.
 * Started as a child process by scripts/bench.ts (env PORT; listens on 127.0.0.1 only).
 */
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/', async () => ({ hello: 'world' }))

const port = Number(process.env.PORT ?? 0)
await app.listen({ port, host: '127.0.0.1' })
process.stdout.write(`listening on ${port}\n`)

const stop = () => void app.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
