import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { NotificationBanner } from './notification-banner.tsx'

const { t } = testPageContext()

describe('NotificationBanner', () => {
  test('important: a region labelled by its header', () => {
    const $ = render(
      <NotificationBanner t={t}>
        <p>ข่าว</p>
      </NotificationBanner>,
    )
    const banner = $('.banner')
    assert.equal(banner.attr('role'), 'region')
    assert.equal(banner.hasClass('banner--success'), false)
    assert.equal($(`#${banner.attr('aria-labelledby')}`).text(), 'สำคัญ')
    assert.equal($('.banner__content').text(), 'ข่าว')
  })

  test('success: an alert; custom title and id', () => {
    const $ = render(
      <NotificationBanner t={testPageContext({ locale: 'en' }).t} variant="success" titleId="saved">
        <p>Saved</p>
      </NotificationBanner>,
    )
    const banner = $('.banner')
    assert.equal(banner.attr('role'), 'alert')
    assert.ok(banner.hasClass('banner--success'))
    assert.equal(banner.attr('aria-labelledby'), 'saved')
    assert.equal($('h2#saved').text(), 'Success')
    const custom = render(<NotificationBanner t={t} title="แจ้งเตือน">x</NotificationBanner>)
    assert.equal(custom('h2').text(), 'แจ้งเตือน')
  })
})
