/** The notification letter's HTML (what Chromium prints): Thai, dated in the Buddhist Era written out, with the documents requested. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as cheerio from 'cheerio'
import { renderNotificationLetterHtml } from './case-notification-letter.tsx'

test('the letter is dated in BE, names the business, the earliest fieldwork day and the requests', () => {
  const html = renderNotificationLetterHtml(
    {
      caseRef: 'CASE-000042',
      caseType: 'onsite_inspection',
      businessName: 'บริษัท ห้างทองเยาวราช จำกัด',
      juristicId: '0105561234567',
      address: '12 ถนนเยาวราช แขวงสัมพันธวงศ์ เขตสัมพันธวงศ์ กรุงเทพมหานคร 10100',
      fieldworkFrom: '2026-12-14',
      requests: [{ subject: 'นโยบาย', body: 'สำเนานโยบายการป้องกันการฟอกเงิน', dueOn: '2026-12-10' }],
      officerName: 'สมหญิง ตรวจดี',
    },
    new Date('2026-11-29T03:00:00Z'),
  )
  const $ = cheerio.load(html)
  assert.equal($('html').attr('lang'), 'th')
  assert.equal($('#letter-date').text(), '29 พฤศจิกายน 2569')
  assert.match($('body').text(), /ที่ CASE-000042/)
  assert.match($('body').text(), /บริษัท ห้างทองเยาวราช จำกัด/)
  assert.match($('body').text(), /ไม่ก่อนวันที่ 14 ธันวาคม 2569/)
  assert.equal($('#letter-requests li').text(), 'นโยบาย: สำเนานโยบายการป้องกันการฟอกเงิน (ภายในวันที่ 10 ธันวาคม 2569)')
  assert.match($('body').text(), /สมหญิง ตรวจดี/)
  assert.match(html, /@font-face/)
})
