/**
 * The outbox worker against a REAL SMTP server in this process (smtp-server + mailparser) and the
 * real migrations (quality.md F8): delivery with a Thai subject and the service-request PDF, SMTP
 * down (closed port, black hole, 451) leaving mail pending with back-off, and no duplicates.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { fixedClock } from '#src/platform/clock.ts'
import { createPdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { SAMPLE_MAIL_PAYLOADS } from '#tests/fixtures/mail-payloads.ts'
import { closedPort, startBlackHole, startSmtpSink, type SmtpSink } from '#tests/support/smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { deliverPending, startMailWorker, type MailDeps } from './deliver-pending.ts'
import { listLocalMail } from './local-mailbox.repo.ts'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import { enqueueMail, findOutboxRow } from './outbox.repo.ts'
import { MAX_MAIL_ATTEMPTS } from './outbox.rules.ts'
import { renderMail } from './render-mail.tsx'
import { createSmtpTransport } from './transports/smtp-transport.ts'

const T0 = new Date('2026-11-29T03:00:00Z')
const FROM = 'AMRAC <no-reply@amlo.go.th>'
let testDb: TestDatabase
let sink: SmtpSink
const pdf = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || null })

before(async () => {
  testDb = await createTestDatabase()
  sink = await startSmtpSink()
})
after(async () => {
  await pdf.close()
  await sink.close()
  await testDb.close()
})
beforeEach(async () => {
  await testDb.reset()
  sink.messages.length = 0
  sink.mode = 'accept'
})

const deps = (smtpUrl: string | null): MailDeps => ({
  config: { mail: { smtpUrl, from: FROM } },
  database: testDb.handle,
  clock: fixedClock(T0.toISOString()),
  pdf,
})

function enqueue<T extends MailTemplate>(template: T, to = 'somchai@example.co.th', payload?: MailPayloads[T]) {
  return enqueueMail(testDb.handle.db, { template, to, locale: 'th', payload: payload ?? (SAMPLE_MAIL_PAYLOADS[template] as MailPayloads[T]), now: T0 })
}

const row = async (id: string) => (await findOutboxRow(testDb.handle.db, id))!
const plus = (ms: number) => new Date(T0.getTime() + ms)

describe('delivery over SMTP', () => {
  test('a registration mail arrives: Thai subject, both parts, the PDF attached under its Thai file name', async () => {
    const id = await enqueue('registration')
    const res = await deliverPending(deps(sink.url), { now: T0 })
    assert.deepEqual(res, { sent: 1, retrying: 0, failed: 0, deferred: false })

    const r = await row(id)
    assert.equal(r.status, 'sent')
    assert.equal(r.attempts, 1)
    assert.deepEqual(r.sentAt, T0)
    assert.equal(r.lastError, null)

    assert.equal(sink.messages.length, 1)
    const { parsed, envelopeTo, user } = sink.messages[0]!
    assert.equal(user, 'amrac', 'authenticated with the credentials from SMTP_URL')
    assert.deepEqual(envelopeTo, ['somchai@example.co.th'])
    const expected = renderMail('registration', SAMPLE_MAIL_PAYLOADS.registration)
    assert.equal(parsed.subject, expected.subject)
    assert.match(parsed.subject ?? '', /^ยืนยันอีเมลและแบบฟอร์มขอใช้บริการระบบ AMRAC \/ /)
    assert.equal(parsed.from?.text, '"AMRAC" <no-reply@amlo.go.th>')
    assert.equal(parsed.messageId, `<${id}@amlo.go.th>`)
    assert.match(parsed.text ?? '', /ชื่อผู้ใช้งาน: somchai\.j/)
    assert.match(String(parsed.html), /lang="en" id="part-en"/)
    assert.equal(parsed.attachments.length, 1)
    const pdfPart = parsed.attachments[0]!
    assert.equal(pdfPart.filename, 'แบบฟอร์มขอใช้บริการ-AMRAC-0105561234567.pdf')
    assert.equal(pdfPart.contentType, 'application/pdf')
    assert.equal(pdfPart.contentDisposition, 'attachment')
    assert.equal(pdfPart.content.subarray(0, 5).toString(), '%PDF-')
  })

  test('every template is delivered', async () => {
    const ids = []
    for (const template of Object.keys(SAMPLE_MAIL_PAYLOADS) as MailTemplate[]) ids.push(await enqueue(template))
    const res = await deliverPending(deps(sink.url), { now: T0, limit: 50 })
    assert.equal(res.sent, ids.length)
    assert.equal(sink.messages.length, ids.length)
  })

  test('two workers at once never send the same mail twice', async () => {
    for (let i = 0; i < 6; i++) await enqueue('account_approved', `user${i}@example.co.th`)
    const [a, b] = await Promise.all([deliverPending(deps(sink.url), { now: T0 }), deliverPending(deps(sink.url), { now: T0 })])
    assert.equal(a.sent + b.sent, 6)
    const recipients = sink.messages.map((m) => m.envelopeTo[0]).sort()
    assert.deepEqual(recipients, ['user0', 'user1', 'user2', 'user3', 'user4', 'user5'].map((u) => `${u}@example.co.th`))
  })

  test('mail that is not yet due waits', async () => {
    await enqueueMail(testDb.handle.db, { template: 'account_approved', to: 'a@example.co.th', locale: 'en', payload: SAMPLE_MAIL_PAYLOADS.account_approved, now: plus(60_000) })
    assert.equal((await deliverPending(deps(sink.url), { now: T0 })).sent, 0)
    assert.equal((await deliverPending(deps(sink.url), { now: plus(60_000) })).sent, 1)
  })
})

describe('SMTP down never fails and never loses a mail', () => {
  test('closed port: pending, attempts+1, next attempt in 30 s, no secret in last_error; the rest of the batch waits', async () => {
    const first = await enqueue('registration')
    const second = await enqueue('password_reset')
    const url = `smtp://amrac:smtp-secret-pass@127.0.0.1:${await closedPort()}`
    const res = await deliverPending(deps(url), { now: T0 })
    assert.deepEqual(res, { sent: 0, retrying: 1, failed: 0, deferred: true })
    const r = await row(first)
    assert.equal(r.status, 'pending')
    assert.equal(r.attempts, 1)
    assert.deepEqual(r.nextAttemptAt, plus(30_000))
    assert.match(r.lastError ?? '', /ECONNREFUSED/)
    assert.doesNotMatch(r.lastError ?? '', /smtp-secret-pass/)
    assert.equal((await row(second)).attempts, 0, 'the other mail was not tried against a dead server')
  })

  test('black hole (connects, never greets): the time-out ends the attempt, the mail stays pending', async () => {
    const hole = await startBlackHole()
    try {
      const id = await enqueue('account_approved')
      const started = performance.now()
      const transport = createSmtpTransport(`smtp://127.0.0.1:${hole.port}`, { timeoutMs: 500 })
      const res = await deliverPending(deps(`smtp://127.0.0.1:${hole.port}`), { now: T0, transport })
      transport.close()
      assert.ok(performance.now() - started < 5_000)
      assert.equal(res.retrying, 1)
      const r = await row(id)
      assert.equal(r.status, 'pending')
      assert.equal(r.attempts, 1)
      assert.match(r.lastError ?? '', /ETIMEDOUT|Greeting never received/)
    } finally {
      await hole.close()
    }
  })

  test('451 from the server: pending with back-off; back to normal: delivered exactly once', async () => {
    const id = await enqueue('registration')
    sink.mode = 'tempfail'
    const res = await deliverPending(deps(sink.url), { now: T0 })
    assert.equal(res.retrying, 1)
    let r = await row(id)
    assert.equal(r.status, 'pending')
    assert.equal(r.attempts, 1)
    assert.ok(r.nextAttemptAt > T0)
    assert.match(r.lastError ?? '', /451/)
    assert.equal(sink.messages.length, 0)

    sink.mode = 'accept'
    assert.equal((await deliverPending(deps(sink.url), { now: plus(10_000) })).sent, 0, 'not before the back-off ends')
    assert.equal((await deliverPending(deps(sink.url), { now: plus(30_000) })).sent, 1)
    assert.equal((await deliverPending(deps(sink.url), { now: plus(3_600_000) })).sent, 0)
    r = await row(id)
    assert.equal(r.status, 'sent')
    assert.equal(r.attempts, 2)
    assert.equal(sink.messages.length, 1, 'no duplicate')
  })

  test(`back-off doubles (capped at 1 h) and the mail fails after ${MAX_MAIL_ATTEMPTS} attempts`, async () => {
    const id = await enqueue('account_approved')
    const url = `smtp://127.0.0.1:${await closedPort()}`
    let now = T0
    const delays: number[] = []
    for (let i = 0; i < MAX_MAIL_ATTEMPTS; i++) {
      await deliverPending(deps(url), { now })
      const r = await row(id)
      if (r.status === 'failed') break
      delays.push((r.nextAttemptAt.getTime() - now.getTime()) / 1000)
      now = r.nextAttemptAt
    }
    assert.deepEqual(delays, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
    const r = await row(id)
    assert.equal(r.status, 'failed')
    assert.equal(r.attempts, MAX_MAIL_ATTEMPTS)
    assert.equal((await deliverPending(deps(url), { now: plus(86_400_000) })).retrying, 0, 'a failed mail is not tried again')
  })

  test('a recipient address with CR/LF fails at once and is never sent', async () => {
    const id = await enqueue('account_approved', 'victim@example.co.th\r\nBcc: other@example.com')
    const res = await deliverPending(deps(sink.url), { now: T0 })
    assert.equal(res.failed, 1)
    assert.equal((await row(id)).status, 'failed')
    assert.equal(sink.messages.length, 0)
  })
})

describe('without SMTP_URL', () => {
  test('mail is kept in the local mailbox as the full message', async () => {
    const id = await enqueue('registration')
    assert.equal((await deliverPending(deps(null), { now: T0 })).sent, 1)
    assert.equal((await row(id)).status, 'sent')
    const kept = await listLocalMail(testDb.handle.db, { limit: 10 })
    assert.equal(kept.length, 1)
    assert.equal(kept[0]!.subject, renderMail('registration', SAMPLE_MAIL_PAYLOADS.registration).subject)
    assert.equal(kept[0]!.toAddress, 'somchai@example.co.th')
  })
})

describe('the worker runner', () => {
  test('delivers due mail on its own, wakes on demand and stops cleanly', async () => {
    const noLog = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const worker = startMailWorker(deps(sink.url), { intervalMs: 60_000, log: noLog })
    try {
      const id = await enqueue('account_approved')
      worker.wake()
      const deadline = Date.now() + 10_000
      while ((await row(id)).status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      assert.equal((await row(id)).status, 'sent')
    } finally {
      await worker.stop()
    }
    const later = await enqueue('account_approved')
    await new Promise((r) => setTimeout(r, 200))
    assert.equal((await row(later)).status, 'pending', 'a stopped worker takes no more mail')
    assert.equal(sink.messages.length, 1)
  })
})
