/**
 * Bench scenarios as data. To add one, append an entry: `setup` runs once before the runs (log in,
 * create a draft, …) against the live server and returns what every request should carry.
 */
import type { Request } from 'autocannon'

export type Target = 'hello' | 'app'

/** What a scenario's setup hands to autocannon: extra headers (e.g. a session cookie), a body, or a request sequence. */
export type Prepared = { headers?: Record<string, string>; body?: string; requests?: Request[] }

export type Scenario = {
  name: string
  /** `hello`: the bare Fastify ceiling; `app`: the AMRAC server. */
  target: Target
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  /** Statuses that count as success; any other is "unexpected". Default [200]. */
  expect?: number[]
  /** Default: --connections (10). */
  connections?: number
  setup?: (baseUrl: string) => Promise<Prepared>
}

export const scenarios: Scenario[] = [
  { name: 'ceiling: fastify hello-world', target: 'hello', path: '/' },
  { name: 'home page (GET /)', target: 'app', path: '/' },
  { name: 'GET /healthz', target: 'app', path: '/healthz' },
]
