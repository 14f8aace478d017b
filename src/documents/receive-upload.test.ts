import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { AppError } from '#src/platform/errors.ts'
import { SCREENSHOT_MEDIA_TYPES } from './documents.model.ts'
import { isFileKey, type FileStore } from './file-store.ts'
import { createLocalFileStore, sweepPartialUploads, type LocalFileStore } from './local-file-store.ts'
import { isUploadProblem, receiveUpload } from './receive-upload.ts'
import { PNG_1X1, JPEG_MIN, PDF_MIN, HTML_PAGE } from '#tests/support/sample-files.ts'

let dir: string
let store: LocalFileStore
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-store-test-'))
  store = createLocalFileStore(dir)
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Every file under the store root, relative (tmp included). */
function allFiles(): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => fs.statSync(path.join(dir, p)).isFile())
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** A part like @fastify/multipart's: the bytes in small chunks, the browser's name. */
function part(bytes: Buffer, filename = 'x.bin', opts: { truncated?: boolean; chunk?: number } = {}) {
  const size = opts.chunk ?? 1024
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
  const file = Readable.from(chunks) as Readable & { truncated?: boolean }
  if (opts.truncated) file.truncated = true
  return { file, filename }
}

const receive = (deps: { files: FileStore }, p: ReturnType<typeof part>, maxBytes = 1024 * 1024) =>
  receiveUpload(deps, { part: p, maxBytes, allowed: SCREENSHOT_MEDIA_TYPES })

async function rejectsWith(promise: Promise<unknown>, code: string, messageKey?: string): Promise<AppError> {
  try {
    await promise
  } catch (e) {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`)
    assert.equal(e.code, code)
    if (messageKey) assert.equal(e.messageKey, messageKey)
    return e
  }
  assert.fail('expected a rejection')
}

describe('receiveUpload', () => {
  test('a PNG is stored under a generated, sharded key with its size and SHA-256; no .part left', async () => {
    const got = await receive({ files: store }, part(PNG_1X1, '../../etc/ภาพ.png'))
    assert.ok(isFileKey(got.key))
    assert.equal(got.size, PNG_1X1.length)
    assert.equal(got.sha256, sha256(PNG_1X1))
    assert.equal(got.mediaType, 'image/png')
    assert.equal(got.displayName, 'ภาพ.png')
    assert.deepEqual(allFiles(), [path.join(got.key.slice(0, 2), got.key.slice(2, 4), got.key)])
    const { stream, size } = await store.open(got.key)
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    assert.equal(size, PNG_1X1.length)
    assert.deepEqual(Buffer.concat(chunks), PNG_1X1)
  })

  test('JPEG and PDF are accepted, detected from the bytes whatever the name says', async () => {
    assert.equal((await receive({ files: store }, part(JPEG_MIN, 'photo.pdf'))).mediaType, 'image/jpeg')
    assert.equal((await receive({ files: store }, part(PDF_MIN, 'scan'))).mediaType, 'application/pdf')
  })

  test('an HTML file named .png is refused by its content; nothing is kept', async () => {
    const e = await rejectsWith(receive({ files: store }, part(HTML_PAGE, 'screenshot.png')), 'UNSUPPORTED_MEDIA_TYPE', 'documents.errors.type')
    assert.ok(isUploadProblem(e))
    assert.deepEqual(allFiles(), [])
  })

  test('a type that is real but not allowed (PDF where only images are) is refused', async () => {
    await rejectsWith(receiveUpload({ files: store }, { part: part(PDF_MIN, 'a.pdf'), maxBytes: 1e6, allowed: ['image/png'] }), 'UNSUPPORTED_MEDIA_TYPE')
    assert.deepEqual(allFiles(), [])
  })

  test('over maxBytes: 413 with the limit in MB, the partial deleted, the source read to its end', async () => {
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(3 * 1024 * 1024)])
    const p = part(big, 'big.png', { chunk: 64 * 1024 })
    const e = await rejectsWith(receive({ files: store }, p, 2 * 1024 * 1024), 'PAYLOAD_TOO_LARGE', 'documents.errors.tooLarge')
    assert.deepEqual(e.params, { max: 2 })
    assert.ok(isUploadProblem(e))
    assert.ok(p.file.readableEnded, 'the rest of the upload was drained, not left hanging')
    assert.deepEqual(allFiles(), [])
  })

  test('limit exactly: a file of maxBytes is accepted', async () => {
    const got = await receive({ files: store }, part(PNG_1X1, 'a.png'), PNG_1X1.length)
    assert.equal(got.size, PNG_1X1.length)
  })

  test('a stream cut off by the multipart fileSize limit (truncated) is too large', async () => {
    await rejectsWith(receive({ files: store }, part(PNG_1X1, 'a.png', { truncated: true })), 'PAYLOAD_TOO_LARGE')
    assert.deepEqual(allFiles(), [])
  })

  test('an empty file is refused', async () => {
    await rejectsWith(receive({ files: store }, part(Buffer.alloc(0), 'empty.png')), 'VALIDATION', 'documents.errors.empty')
    assert.deepEqual(allFiles(), [])
  })

  test('ENOSPC while writing: INSUFFICIENT_STORAGE without the OS text, and no partial left', async () => {
    // A store whose temporary files fail after the first chunk reached the disk, as a full disk does.
    const full: FileStore = {
      ...store,
      createTemp() {
        const real = { path: path.join(store.tmpDir, 'enospc-test.part') }
        let writes = 0
        const stream = new Writable({
          write(chunk: Buffer, _enc, cb) {
            if (writes++ === 0) {
              fs.appendFileSync(real.path, chunk)
              return cb()
            }
            cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
          },
        })
        return { path: real.path, stream }
      },
    }
    const body = Buffer.concat([PNG_1X1, Buffer.alloc(256 * 1024, 1)])
    const p = part(body, 'a.png', { chunk: 16 * 1024 })
    const e = await rejectsWith(receive({ files: full }, p), 'INSUFFICIENT_STORAGE', 'errors.page.storage.title')
    assert.doesNotMatch(e.message, /ENOSPC|no space/i)
    assert.equal((e.cause as NodeJS.ErrnoException).code, 'ENOSPC')
    assert.equal(isUploadProblem(e), false)
    assert.deepEqual(allFiles(), [], 'the partial was deleted')
  })

  test('the client going away mid-upload: 400, no partial left', async () => {
    const file = new Readable({ read() {} }) as Readable & { truncated?: boolean }
    file.push(PNG_1X1)
    setImmediate(() => file.destroy(new Error('Part terminated early due to unexpected end of multipart data')))
    await rejectsWith(receive({ files: store }, { file, filename: 'a.png' }), 'BAD_REQUEST')
    assert.deepEqual(allFiles(), [])
  })
})

describe('local file store', () => {
  test('put(stream) hashes and stores; remove deletes; unknown and malformed keys are not found', async () => {
    const stored = await store.put(Readable.from([Buffer.from('hello'), Buffer.from(' world')]))
    assert.equal(stored.size, 11)
    assert.equal(stored.sha256, sha256(Buffer.from('hello world')))
    await store.remove(stored.key)
    await rejectsWith(store.open(stored.key), 'NOT_FOUND')
    await rejectsWith(store.open('../../etc/passwd'), 'NOT_FOUND')
    await store.remove('../../etc/passwd') // ignored, never a path
    assert.deepEqual(allFiles(), [])
  })

  test('put({ tempPath }) refuses a path outside its temporary directory', async () => {
    const outside = path.join(dir, 'elsewhere.part')
    fs.writeFileSync(outside, 'x')
    await assert.rejects(store.put({ tempPath: outside }), /createTemp/)
  })

  test('the start-up sweep removes leftover .part files (older than the threshold) and nothing else', async () => {
    const stored = await store.put(Readable.from([Buffer.from('keep me')]))
    const old = path.join(store.tmpDir, 'aaa.part')
    const recent = path.join(store.tmpDir, 'bbb.part')
    const other = path.join(store.tmpDir, 'notes.txt')
    for (const f of [old, recent, other]) fs.writeFileSync(f, 'x')
    const hourAgo = new Date(Date.now() - 3600_000)
    fs.utimesSync(old, hourAgo, hourAgo)
    assert.equal(await sweepPartialUploads(store, { olderThanMs: 10 * 60_000 }), 1)
    assert.equal(fs.existsSync(old), false)
    assert.equal(fs.existsSync(recent), true)
    assert.equal(await sweepPartialUploads(store), 1)
    assert.equal(fs.existsSync(recent), false)
    assert.equal(fs.existsSync(other), true)
    const opened = await store.open(stored.key)
    opened.stream.destroy()
    assert.equal(opened.size, 7)
  })
})
