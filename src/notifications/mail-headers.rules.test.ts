import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { headerSafe, isSingleAddress, mailDomain, safeFileName } from './mail-headers.rules.ts'

describe('header values', () => {
  test('line breaks and controls become single spaces', () => {
    assert.equal(headerSafe('a\r\nBcc: x@y.z'), 'a Bcc: x@y.z')
    assert.equal(headerSafe('a\u2028b\u0085c\u0000d\te'), 'a b c d e')
    assert.equal(headerSafe('  ยืนยัน   อีเมล  '), 'ยืนยัน อีเมล')
    assert.equal(headerSafe('x'.repeat(500), 10), 'x'.repeat(10))
  })
  const addresses: [string, boolean][] = [
    ['somchai@example.co.th', true],
    ['a.b+c@sub.example.com', true],
    ['a@b', false],
    ['a@b.c\r\nBcc: x@y.z', false],
    ['a@b.c, d@e.f', false],
    ['Name <a@b.c>', false],
    ['', false],
  ]
  for (const [a, ok] of addresses) test(`${JSON.stringify(a)} is ${ok ? '' : 'not '}one address`, () => assert.equal(isSingleAddress(a), ok))
  test('Message-ID domain from the From address', () => {
    assert.equal(mailDomain('AMRAC <no-reply@AMLO.go.th>'), 'amlo.go.th')
    assert.equal(mailDomain('no-reply@example.com'), 'example.com')
  })
  test('file names stay one line without paths or quotes', () => {
    assert.equal(safeFileName('แบบฟอร์ม.pdf'), 'แบบฟอร์ม.pdf')
    assert.equal(safeFileName('../../etc/passwd'), '..-..-etc-passwd')
    assert.equal(safeFileName('a"b\r\n.pdf'), 'a-b .pdf')
    assert.equal(safeFileName('..'), 'file')
  })
})
