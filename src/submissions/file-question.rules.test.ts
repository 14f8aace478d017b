import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { definitionForVersion } from './submissions.shared.ts'
import { findFileQuestion, refsAt, rowExists, withoutRef, withRef } from './file-question.rules.ts'

const def = definitionForVersion('v1')

describe('findFileQuestion', () => {
  test('names a file question of the part, top-level or a file column of a group', () => {
    assert.equal(findFileQuestion(def, 'part-c', 'C1_1_evidence')?.question.id, 'C1_1_evidence')
    const cell = findFileQuestion(def, 'part-a', 'A07.3.document')
    assert.deepEqual(cell?.cell, { groupId: 'A07', row: 3, column: 'document' })
    assert.deepEqual(cell?.question.documentTypes, ['SECTOR_LICENCE'])
  })

  test('anything else is undefined', () => {
    for (const [part, path] of [
      ['part-a', 'C1_1_evidence'], // another part
      ['part-c', 'C1_1'], // not a file question
      ['part-a', 'A07'], // a group, not a cell
      ['part-a', 'A07.0.number'], // not a file column
      ['part-a', 'A07.0.nope'],
      ['part-a', 'A07.x.document'],
      ['part-a', 'A07.0.document.0'],
      ['part-c', '../C1_1_evidence'],
      ['part-c', ''],
      ['part-c', '__proto__'],
    ] as const) assert.equal(findFileQuestion(def, part, path), undefined, `${part} ${path}`)
  })
})

describe('withRef / withoutRef', () => {
  const top = findFileQuestion(def, 'part-c', 'C1_1_evidence')!
  const cell = findFileQuestion(def, 'part-a', 'A07.1.document')!

  test('appends at a top-level question and at a stored row, keeping everything else', () => {
    const a = withRef({ C1_1: 'yes' }, top, { attachmentId: 'x1', documentType: 'AML_POLICY' })
    const b = withRef(a, top, { attachmentId: 'x2', documentType: 'AML_POLICY' })
    assert.deepEqual(b, { C1_1: 'yes', C1_1_evidence: [{ attachmentId: 'x1', documentType: 'AML_POLICY' }, { attachmentId: 'x2', documentType: 'AML_POLICY' }] })
    const part = { A07: [{ number: '1' }, { number: '2' }] }
    assert.equal(rowExists(part, cell), true)
    assert.equal(rowExists({ A07: [{ number: '1' }] }, cell), false)
    const c = withRef(part, cell, { attachmentId: 'y1', documentType: 'SECTOR_LICENCE' })
    assert.deepEqual(c, { A07: [{ number: '1' }, { number: '2', document: [{ attachmentId: 'y1', documentType: 'SECTOR_LICENCE' }] }] })
    assert.deepEqual(part, { A07: [{ number: '1' }, { number: '2' }] }, 'the input is not changed')
    assert.equal(refsAt(c, cell).length, 1)
  })

  test('removes a reference wherever it is; an emptied answer goes', () => {
    const part = {
      A07: [{ number: '1', document: [{ attachmentId: 'y1', documentType: 'SECTOR_LICENCE' }] }],
      A18: [{ attachmentId: 'y1', documentType: 'OTHER' }, { attachmentId: 'z', documentType: 'OTHER' }],
      A02: 'y1',
    }
    const r = withoutRef(def, part, 'y1')
    assert.equal(r.changed, true)
    assert.deepEqual(r.answers, { A07: [{ number: '1' }], A18: [{ attachmentId: 'z', documentType: 'OTHER' }], A02: 'y1' })
    assert.equal(withoutRef(def, part, 'nope').changed, false)
  })
})
