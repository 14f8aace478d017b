/**
 * A minimal browser-like HTTP client for bench preparation and custom runners: keeps cookies,
 * never follows redirects, and reuses connections through a keep-alive agent (so a pool of N
 * workers holds N connections, as autocannon's N connections do).
 */
import http from 'node:http'

export type Reply = { status: number; location: string | undefined; body: string; setCookies: string[] }

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets })
}

/** For a few setup requests: no idle connection is left open to the server. */
export const noKeepAlive = new http.Agent({ keepAlive: false })

export function request(agent: http.Agent, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? []
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString('utf8'), setCookies: setCookie })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new TimeoutError(`no answer within ${opts.timeoutMs ?? 30_000} ms: ${opts.method ?? 'GET'} ${url}`)))
    req.on('error', reject)
    req.end(opts.body)
  })
}

export class TimeoutError extends Error {}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

/** The value of a hidden input, e.g. `_csrf` or `idempotencyKey`. */
export function inputValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1]
}

/** One signed-in browser: cookies kept across requests. */
export class Browser {
  private readonly cookies = new Map<string, string>()
  constructor(
    private readonly agent: http.Agent,
    private readonly baseUrl: string,
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private keep(r: Reply): Reply {
    for (const c of r.setCookies) {
      const [pair] = c.split(';')
      const eq = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1))
    }
    return r
  }

  async get(path: string): Promise<Reply> {
    return this.keep(await request(this.agent, this.baseUrl + path, { headers: { cookie: this.cookie } }))
  }

  async post(path: string, fields: Record<string, string>): Promise<Reply> {
    return this.keep(
      await request(this.agent, this.baseUrl + path, {
        method: 'POST',
        headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form(fields),
      }),
    )
  }

  /** Signs in through the real pages (GET the form for its token, POST it): 303 expected. */
  async signIn(identifier: string, password: string): Promise<void> {
    const page = await this.get('/auth/login')
    const token = inputValue(page.body, '_csrf')
    if (page.status !== 200 || !token) throw new Error(`GET /auth/login: status ${page.status}, no CSRF token`)
    const res = await this.post('/auth/login', { _csrf: token, identifier, password })
    if (res.status !== 303 || res.location?.startsWith('/auth/')) throw new Error(`sign-in of ${identifier} failed: status ${res.status} → ${res.location ?? '-'}`)
  }
}
