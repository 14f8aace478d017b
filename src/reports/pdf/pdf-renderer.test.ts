/**
 * deps.pdf isolation and failure modes with real Chromium (stack.md §4.3, quality.md F11).
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { createPdfRenderer, PdfRenderError } from './pdf-renderer.ts'

const executablePath = process.env.CHROMIUM_PATH || null
const pdf = createPdfRenderer({ executablePath })
let server: http.Server
let hits: string[] = []
let base = ''

before(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    res.end('x')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(async () => {
  await pdf.close()
  await new Promise((r) => server.close(r))
})

const isPdf = (buf: Buffer) => buf.subarray(0, 5).toString() === '%PDF-'

/** The Chromium processes this test process started (Playwright spawns the browser as a child). */
function browserPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([pid, comm]) => pid && /chrom/i.test(comm ?? ''))
    .map(([pid]) => Number(pid))
}

/** A browser crash, as the OOM killer would cause it. */
function killBrowsers(): number[] {
  const pids = browserPids()
  for (const pid of pids) process.kill(pid, 'SIGKILL')
  return pids
}

describe('PDF renderer', () => {
  test('prints A4 and fetches nothing: loopback, file:// and remote URLs in the HTML are never requested', async () => {
    hits = []
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${base}/style.css"><style>body{background:url(${base}/bg.png)}</style></head>
      <body><p>สวัสดี</p><img src="${base}/img.png"><img src="file:///etc/passwd"><iframe src="${base}/frame"></iframe>
      <script src="${base}/app.js"></script><script>fetch('${base}/js')</script><meta http-equiv="refresh" content="0;url=${base}/refresh"></body></html>`
    const buf = await pdf.render(html)
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-')
    await new Promise((r) => setTimeout(r, 300))
    assert.deepEqual(hits, [], 'no request reached the loopback server')
  })

  test('a PDF that takes too long fails with TIMEOUT, and the next one from the same renderer works', async () => {
    const timed = createPdfRenderer({ executablePath, timeoutMs: 3_000 })
    try {
      assert.equal(isPdf(await timed.render('<p>warm</p>')), true, 'the browser is running')
      // ~2,000 A4 pages: far more than 3 s of printing.
      const huge = '<!doctype html><body>' + '<p>บรรทัด ที่อยู่ ผู้มีหน้าที่รายงาน</p>'.repeat(100_000) + '</body>'
      await assert.rejects(timed.render(huge), (e: unknown) => e instanceof PdfRenderError && e.code === 'TIMEOUT')
      assert.equal(isPdf(await timed.render('<p>ต่อไป</p>')), true)
    } finally {
      await timed.close()
    }
  })

  test('after the browser process is killed, the next PDF starts a new browser', async () => {
    assert.equal(isPdf(await pdf.render('<p>ก่อน</p>')), true)
    const killed = killBrowsers()
    assert.ok(killed.length > 0, 'a browser process was running')
    assert.equal(isPdf(await pdf.render('<p>หลัง</p>')), true)
    assert.ok(browserPids().every((pid) => !killed.includes(pid)), 'a new browser process')
  })

  test('a PDF in progress when the browser is killed is printed on a new browser', async () => {
    assert.equal(isPdf(await pdf.render('<p>warm</p>')), true)
    const long = '<!doctype html><body>' + '<p>บรรทัด ที่อยู่ ผู้มีหน้าที่รายงาน</p>'.repeat(8_000) + '</body>'
    const printing = pdf.render(long)
    await new Promise((r) => setTimeout(r, 300))
    killBrowsers()
    assert.equal(isPdf(await printing), true)
  })

  test('a closed renderer refuses; a missing browser binary is a LAUNCH_FAILED error, not a crash', async () => {
    const broken = createPdfRenderer({ executablePath: '/nonexistent/chromium' })
    await assert.rejects(broken.render('<p>x</p>'), (e: unknown) => e instanceof PdfRenderError && e.code === 'LAUNCH_FAILED')
    await broken.close()
    await assert.rejects(broken.render('<p>x</p>'), (e: unknown) => e instanceof PdfRenderError && e.code === 'CLOSED')
  })

  test('parallel PDFs share one browser', async () => {
    const bufs = await Promise.all(Array.from({ length: 4 }, (_, i) => pdf.render(`<p>เอกสาร ${i}</p>`)))
    for (const b of bufs) assert.equal(b.subarray(0, 5).toString(), '%PDF-')
  })

  test('warm pages are reused, yet each PDF holds only its own document', async () => {
    const text = (buf: Buffer) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'x.pdf')
      fs.writeFileSync(file, buf)
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    }
    const first = text(await pdf.render('<p>first document of business A</p>'))
    const second = text(await pdf.render('<p>second document of business B</p>'))
    assert.match(first, /first document of business A/)
    assert.match(second, /second document of business B/)
    assert.doesNotMatch(second, /business A/)
  })
})
