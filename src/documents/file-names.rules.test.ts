import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { cleanDisplayName, contentDisposition, downloadHeaders, DISPLAY_NAME_MAX, formatFileSize } from './file-names.rules.ts'

describe('cleanDisplayName', () => {
  const cases: [string, unknown, string][] = [
    ['plain Thai name', 'ภาพหน้าจอ.png', 'ภาพหน้าจอ.png'],
    ['unix traversal', '../../etc/passwd', 'passwd'],
    ['windows path', 'C:\\Users\\somchai\\Desktop\\error.PNG', 'error.PNG'],
    ['absolute path', '/var/lib/amrac/data/x.pdf', 'x.pdf'],
    ['only dots', '..', 'file'],
    ['percent-encoded traversal stays text', '..%2F..%2Fetc%2Fpasswd', '%2F..%2Fetc%2Fpasswd'],
    ['RTL override (exe disguised as png)', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['zero-width and BOM', '\uFEFFre\u200Bport.pdf', 'report.pdf'],
    ['NUL and control characters', 'a\u0000b\u0007c\r\n.png', 'abc.png'],
    ['markup kept as text', '<svg onload=alert(1)>.png', '<svg onload=alert(1)>.png'],
    ['Windows device name', 'CON.png', '_CON.png'],
    ['device name with digit', 'lpt1.pdf', '_lpt1.pdf'],
    ['not a device name', 'console.png', 'console.png'],
    ['trailing dots and spaces', ' report.pdf. . ', 'report.pdf'],
    ['decomposed Thai SARA AM is NFC-normalised', 'น\u0e4d\u0e32.png', 'น\u0e4d\u0e32.png'.normalize('NFC')],
    ['lone surrogate', 'a\ud800b.png', 'a\ufffdb.png'],
    ['empty', '', 'file'],
    ['not a string', undefined, 'file'],
  ]
  for (const [name, input, expected] of cases) test(name, () => assert.equal(cleanDisplayName(input), expected))

  test('long names are cut to the limit at a character boundary, keeping the extension', () => {
    const out = cleanDisplayName(`${'ก'.repeat(300)}.pdf`)
    assert.equal([...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(out)].length, DISPLAY_NAME_MAX)
    assert.ok(out.endsWith('….pdf'))
  })

  test('a long name of Thai syllables with marks is not cut inside a syllable', () => {
    const out = cleanDisplayName('กิ่'.repeat(200), 10)
    assert.equal(out, `${'กิ่'.repeat(9)}…`)
  })
})

describe('contentDisposition (RFC 6266 / 8187)', () => {
  test('ASCII name', () => {
    assert.equal(contentDisposition('report.pdf'), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`)
  })
  test('Thai name: ASCII fallback plus the UTF-8 name percent-encoded', () => {
    const v = contentDisposition('ภาพ.png')
    assert.equal(v, `attachment; filename="_.png"; filename*=UTF-8''${encodeURIComponent('ภาพ')}.png`)
  })
  test('quotes, backslashes, semicolons and RFC 8187 specials are escaped', () => {
    const v = contentDisposition(`a"b;c'(d)*.pdf`)
    assert.match(v, /^attachment; filename="a_b_c'\(d\)\*\.pdf"; filename\*=UTF-8''a%22b%3Bc%27%28d%29%2A\.pdf$/)
  })
  test('CR/LF and paths never reach the header', () => {
    const v = contentDisposition('../x\r\nSet-Cookie: a=b.pdf')
    assert.doesNotMatch(v, /[\r\n]/)
    assert.doesNotMatch(v, /\.\.\//)
  })
  test('accents fall back to the base letter', () => {
    assert.match(contentDisposition('résumé.pdf'), /filename="resume\.pdf"/)
  })
  test('downloadHeaders: attachment, nosniff and a sandbox CSP', () => {
    const h = downloadHeaders('x.pdf', 'application/pdf')
    assert.equal(h['x-content-type-options'], 'nosniff')
    assert.match(h['content-security-policy']!, /sandbox/)
    assert.match(h['content-disposition']!, /^attachment;/)
  })
})

test('formatFileSize', () => {
  assert.equal(formatFileSize(850), '850 B')
  assert.equal(formatFileSize(120 * 1024), '120 KB')
  assert.equal(formatFileSize(1.25 * 1024 * 1024), '1.3 MB')
})
