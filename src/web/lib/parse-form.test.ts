import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import { AppError } from '#src/platform/errors.ts'
import { parseForm, parseQuery, unflatten } from './parse-form.ts'

describe('unflatten', () => {
  test('dotted names become nested objects and arrays', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(unflatten({ 'B01.0.fullName': 'a', 'B01.1.fullName': 'b', 'x.day': '1' }))), {
      B01: [{ fullName: 'a' }, { fullName: 'b' }],
      x: { day: '1' },
    })
  })

  test('prototype keys anywhere in a name are refused with 400 and pollute nothing', () => {
    for (const name of ['__proto__.userId', 'a.__proto__.x', 'constructor.prototype.y', 'a.prototype']) {
      assert.throws(() => unflatten({ [name]: 'evil' }), (e: unknown) => e instanceof AppError && e.code === 'BAD_REQUEST', name)
    }
    assert.equal(({} as Record<string, unknown>).userId, undefined)
    assert.equal(({} as Record<string, unknown>).y, undefined)
  })

  test('odd segments and huge indexes are refused', () => {
    for (const name of ['a..b', 'a.b c', 'a.1000']) assert.throws(() => unflatten({ [name]: 'v' }), AppError, name)
  })
})

describe('parseForm / parseQuery', () => {
  const Schema = z.object({ name: z.string().min(1, 'errors.field.required') })
  test('errors are keyed by path with message keys; the CSRF field is ignored', () => {
    const r = parseForm(Schema, { _csrf: 'x', name: '' })
    assert.equal(r.ok, false)
    assert.deepEqual(!r.ok && r.errors, { name: 'errors.field.required' })
  })
  test('a repeated parameter where one value is expected is a 400', () => {
    assert.throws(() => parseForm(Schema, { name: ['a', 'b'] }), AppError)
    assert.throws(() => parseQuery(z.object({ q: z.string().optional() }), { q: ['a', 'b'] }), AppError)
  })
})
