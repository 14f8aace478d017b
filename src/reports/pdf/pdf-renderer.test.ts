/**
 * deps.pdf isolation and failure modes with real Chromium (stack.md §4.3, quality.md F11).
 */
import assert from 'node:assert/strict'
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

  test('a PDF that takes too long fails with TIMEOUT, and the next one works', async () => {
    const slow = createPdfRenderer({ executablePath, timeoutMs: 1 })
    try {
      await assert.rejects(slow.render('<p>x</p>'), (e: unknown) => e instanceof PdfRenderError && e.code === 'TIMEOUT')
    } finally {
      await slow.close()
    }
    assert.equal((await pdf.render('<p>ok</p>')).subarray(0, 5).toString(), '%PDF-')
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
})
