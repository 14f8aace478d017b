/**
 * deps.pdf: prints self-contained HTML to PDF with headless Chromium via playwright-core
 * (house style R24, stack.md §4.3).
 * - ONE browser per process, launched on first use and then kept warm; relaunched when it died
 *   (a PDF in progress when it crashed is printed once more on the new browser); `close()` at
 *   shutdown, after which nothing launches again.
 * - Warm pages (one context each, reused; a failed PDF's page is closed) with JavaScript off; every
 *   request that is not a `data:` URL is aborted, so text from users can never make Chromium fetch
 *   a file:// or loopback URL.
 * - A time-out per PDF covering all of its browser work (context, page, content, printing); a browser
 *   that cannot even close a context in time is considered stuck and replaced. A bounded number of
 *   PDFs at once (the "pool of pages"); more wait their turn.
 * Never call it inside a database transaction.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
// playwright-core takes ~1 s to load: imported on the first PDF, not at start-up.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Semaphore } from '#src/platform/semaphore.ts'

export type PdfRenderer = {
  /** HTML with every asset inlined → an A4 PDF. Throws PdfRenderError. */
  render(html: string): Promise<Buffer>
  close(): Promise<void>
}

export class PdfRenderError extends Error {
  constructor(
    readonly code: 'LAUNCH_FAILED' | 'TIMEOUT' | 'RENDER_FAILED' | 'CLOSED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'PdfRenderError'
  }
}

export type PdfRendererOptions = {
  /** A Chromium binary (e.g. Debian's /usr/bin/chromium, from CHROMIUM_PATH); else @sparticuz/chromium's. */
  executablePath?: string | null
  /** Per PDF, from setContent to the finished file. */
  timeoutMs?: number
  /** PDFs printed at the same time; more wait. */
  concurrency?: number
}

/** Always: no background traffic of any kind (stack.md §4.3). */
const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** The Debian binary in containers. */
const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic']
/**
 * @sparticuz/chromium's own args are tuned for AWS Lambda. Dropped: anything that weakens the web
 * security model (we print untrusted text), --single-process (one browser serves many contexts),
 * its headless mode (Playwright sets it) and feature lists (they would replace Playwright's).
 */
const DROPPED_SPARTICUZ_ARGS = [
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--single-process$/,
  /^--headless/,
  /^--(disable|enable)-features=/,
  /^--(use-gl|use-angle)=/,
  /^--(enable-unsafe-swiftshader|ignore-gpu-blocklist|in-process-gpu)$/,
]

/** How long closing a PDF's context may take before the browser counts as stuck. */
const CONTEXT_CLOSE_TIMEOUT_MS = 5_000

export function createPdfRenderer(opts: PdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = opts.timeoutMs ?? 30_000
  const gate = new Semaphore(opts.concurrency ?? 2)
  let browser: Promise<Browser> | undefined
  let closed = false

  function getBrowser(): Promise<Browser> {
    if (closed) return Promise.reject(new PdfRenderError('CLOSED', 'the PDF renderer was closed'))
    if (!browser) {
      const launching = launchBrowser(opts.executablePath ?? null)
      browser = launching
      launching.then(
        (b) => {
          b.on('disconnected', () => {
            if (browser === launching) browser = undefined
          })
          // Closed while it was starting: do not leave a browser behind.
          if (closed) void b.close().catch(() => undefined)
        },
        () => {
          if (browser === launching) browser = undefined // try again on the next PDF
        },
      )
    }
    return browser
  }

  /** Forgets a crashed or stuck browser (killing it if it is still there); the next PDF launches a new one. */
  function discard(b: Browser): void {
    void browser?.then((current) => {
      if (current === b) browser = undefined
    }, () => undefined)
    void b.close().catch(() => undefined)
  }

  async function connectedBrowser(): Promise<Browser> {
    const b = await getBrowser()
    if (b.isConnected()) return b
    discard(b)
    return getBrowser()
  }

  /**
   * Warm pages: a context (JavaScript off, every request but data: refused) and its page are made
   * once per browser and reused, at most `concurrency` of them; each PDF replaces the page's whole
   * document. A page whose PDF failed or timed out is closed, never reused.
   */
  type Warm = { browser: Browser; context: BrowserContext; page: Page }
  const idle: Warm[] = []

  async function takePage(b: Browser): Promise<Warm> {
    for (let w = idle.pop(); w; w = idle.pop()) {
      if (w.browser === b && b.isConnected() && !w.page.isClosed()) return w
      void w.context.close().catch(() => undefined)
    }
    const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, bypassCSP: false })
    try {
      await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')))
      return { browser: b, context, page: await context.newPage() }
    } catch (e) {
      void context.close().catch(() => undefined)
      throw e
    }
  }

  async function renderOnce(b: Browser, html: string): Promise<Buffer> {
    let warm: Warm | undefined
    let timer: NodeJS.Timeout | undefined
    const work = (async () => {
      warm = await takePage(b)
      const { page } = warm
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs })
      // Web fonts from data: URLs may still be decoding after `load` on a busy machine: print only
      // once they are ready, or the text is laid out with a fallback font. (DevTools evaluation
      // works with page scripts disabled.) Best effort: a document that tries to navigate
      // (refused) has no context to ask.
      await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined)
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    })()
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfRenderError('TIMEOUT', `PDF not ready within ${timeoutMs} ms`)), timeoutMs)
    })
    let ok = false
    try {
      const pdf = await Promise.race([work, timeout])
      ok = true
      return pdf
    } finally {
      clearTimeout(timer)
      if (ok && warm && !closed) {
        idle.push(warm)
      } else {
        // Failed or timed out: close its context once it exists; a browser that cannot even do
        // that in time counts as stuck.
        const closing = work.then(
          () => warm?.context.close(),
          () => warm?.context.close(),
        )
        if (!(await settlesWithin(closing, CONTEXT_CLOSE_TIMEOUT_MS))) discard(b)
      }
    }
  }

  return {
    async render(html) {
      if (closed) throw new PdfRenderError('CLOSED', 'the PDF renderer was closed')
      return gate.run(async () => {
        let b: Browser | undefined
        try {
          b = await connectedBrowser()
          try {
            return await renderOnce(b, html)
          } catch (e) {
            // The browser died under this PDF (crash, OOM kill): print it once more on a new browser.
            if (e instanceof PdfRenderError || b.isConnected() || closed) throw e
            discard(b)
            b = await getBrowser()
            return await renderOnce(b, html)
          }
        } catch (e) {
          if (e instanceof PdfRenderError) throw e
          throw new PdfRenderError(closed ? 'CLOSED' : 'RENDER_FAILED', `PDF rendering failed: ${(e as Error).message?.split('\n')[0]}`, { cause: e })
        }
      })
    },
    async close() {
      closed = true
      for (const w of idle.splice(0)) void w.context.close().catch(() => undefined)
      const b = browser
      browser = undefined
      if (b) await b.then((x) => x.close()).catch(() => undefined)
    },
  }
}

/** Whether `p` settles (either way) within `ms`. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([p.then(() => true, () => true), expired])
  } finally {
    clearTimeout(timer)
  }
}

async function launchBrowser(executablePath: string | null): Promise<Browser> {
  try {
    const sparticuz = executablePath ? undefined : (await import('@sparticuz/chromium')).default
    const exe = executablePath ?? (await unpackOnce(() => sparticuz!.executablePath()))
    const extra = sparticuz ? sparticuz.args.filter((a) => !DROPPED_SPARTICUZ_ARGS.some((re) => re.test(a))) : []
    const args = [...new Set([...BASE_ARGS, ...SYSTEM_ARGS, ...extra])]
    const { chromium } = await import('playwright-core')
    return await chromium.launch({ executablePath: exe, args, headless: true, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })
  } catch (e) {
    throw new PdfRenderError('LAUNCH_FAILED', `could not start Chromium: ${(e as Error).message?.split('\n')[0]}`, { cause: e })
  }
}

/**
 * @sparticuz/chromium unpacks its binary to <tmpdir>/chromium on first use, not atomically: two
 * processes doing it at once (parallel test files) can launch a half-written file. A lock file
 * serialises the first unpack across processes.
 */
async function unpackOnce(resolve: () => Promise<string>): Promise<string> {
  const lock = path.join(os.tmpdir(), 'amrac-chromium-unpack.lock')
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 120_000) fs.rmSync(lock, { force: true }) // left by a killed process
      else if (Date.now() > deadline) throw new Error('timed out waiting for another process to unpack Chromium', { cause: e })
      else await new Promise((r) => setTimeout(r, 200))
    }
  }
  try {
    return await resolve()
  } finally {
    fs.rmSync(lock, { force: true })
  }
}
