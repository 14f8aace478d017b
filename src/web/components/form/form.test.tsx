import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext, TEST_CSRF_TOKEN } from '#tests/support/render.ts'
import { Button } from './button.tsx'
import { CsrfField } from './csrf-field.tsx'
import { Form } from './form.tsx'

const ctx = testPageContext()

describe('Form and CsrfField', () => {
  test('a post form always carries the CSRF field first, and lets the server validate', () => {
    const $ = render(
      <Form ctx={ctx} action="/portal/profile" id="profile" attributes={{ 'hx-post': '/portal/profile', 'data-autosave': 'off' }}>
        <p>field</p>
      </Form>,
    )
    const form = $('form')
    assert.equal(form.attr('method'), 'post')
    assert.equal(form.attr('action'), '/portal/profile')
    assert.equal(form.attr('id'), 'profile')
    assert.equal(form.attr('novalidate'), '')
    assert.equal(form.attr('hx-post'), '/portal/profile')
    assert.equal(form.attr('data-autosave'), 'off')
    const first = form.children().first()
    assert.equal(first.attr('type'), 'hidden')
    assert.equal(first.attr('name'), '_csrf')
    assert.equal(first.val(), TEST_CSRF_TOKEN)
  })

  test('browser validation can be turned back on', () => {
    const $ = render(<Form ctx={ctx} action="/x" noValidate={false}>{null}</Form>)
    assert.equal($('form').attr('novalidate'), undefined)
  })

  test('CsrfField alone', () => {
    const $ = render(<CsrfField ctx={ctx} />)
    assert.equal($('input[type="hidden"][name="_csrf"]').val(), TEST_CSRF_TOKEN)
  })
})

describe('Button', () => {
  test('primary submit by default; secondary with an intent', () => {
    const $ = render(
      <div>
        <Button>ส่ง</Button>
        <Button variant="secondary" name="intent" value="save_draft">
          บันทึกแบบร่าง
        </Button>
      </div>,
    )
    const [primary, secondary] = $('button').toArray().map((b) => $(b))
    assert.equal(primary!.attr('type'), 'submit')
    assert.equal(primary!.attr('class'), 'button')
    assert.equal(primary!.attr('name'), undefined)
    assert.equal(secondary!.attr('class'), 'button button--secondary')
    assert.equal(secondary!.attr('name'), 'intent')
    assert.equal(secondary!.val(), 'save_draft')
    assert.equal(secondary!.text(), 'บันทึกแบบร่าง')
  })
})
