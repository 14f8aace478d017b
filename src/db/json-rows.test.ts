import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bigint, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { jsonRowFor, rowsFromJson } from './json-rows.ts'

const things = pgTable('things', {
  id: uuid('id').primaryKey(),
  name: text('name_th'),
  count: integer('count'),
  at: timestamp('at', { withTimezone: true }),
  day: date('day'),
  data: jsonb('data'),
})

test('a row read back from to_jsonb: database column names, timestamps as Dates, dates as text, jsonb kept as it came (a jsonb string is not parsed again), nulls', () => {
  const [row] = rowsFromJson(things, [
    { id: 'a1', name_th: 'ร้านทอง', count: 3, at: '2026-11-30T05:00:00.123456+00:00', day: '2026-11-30', data: '123' },
  ])
  assert.deepEqual(row, { id: 'a1', name: 'ร้านทอง', count: 3, at: new Date('2026-11-30T05:00:00.123Z'), day: '2026-11-30', data: '123' })
  assert.deepEqual(rowsFromJson(things, [{ id: 'b2' }]), [{ id: 'b2', name: null, count: null, at: null, day: null, data: null }])
  assert.deepEqual(rowsFromJson(things, null), [])
})

test('a table with numeric or 64-bit integer columns is refused: JSON would round them', () => {
  const money = pgTable('money', { id: uuid('id'), amount: numeric('amount') })
  const big = pgTable('big', { id: uuid('id'), n: bigint('n', { mode: 'bigint' }) })
  assert.throws(() => rowsFromJson(money, [{ id: 'x', amount: 1.1 }]), /amount/)
  assert.throws(() => rowsFromJson(big, [{ id: 'x', n: 1 }]), /n is/)
})

test('a row to insert as JSON: column names, a Date as its ISO text, jsonb as it is, undefined left out (the default applies), null kept; it reads back the same', () => {
  const at = new Date('2026-11-30T05:00:00.123Z')
  const row = jsonRowFor(things, { id: 'a1', name: 'ร้านทอง', count: undefined, at, day: null, data: { receipt: 'pending:a1' } })
  assert.deepEqual(row, { id: 'a1', name_th: 'ร้านทอง', at: '2026-11-30T05:00:00.123Z', day: null, data: { receipt: 'pending:a1' } })
  assert.deepEqual(rowsFromJson(things, [row]), [{ id: 'a1', name: 'ร้านทอง', count: null, at, day: null, data: { receipt: 'pending:a1' } }])
  const money = pgTable('money', { id: uuid('id'), amount: numeric('amount') })
  assert.throws(() => jsonRowFor(money, { id: 'x', amount: '1.10' }), /amount/)
})
