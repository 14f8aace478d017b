import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DOCUMENT_TYPE_MEDIA_TYPES, DOCUMENT_TYPES } from '#src/questionnaire/engine/index.ts'
import { isMediaType } from './documents.model.ts'

test('every media type a document type takes can be detected and accepted (MEDIA_TYPES)', () => {
  for (const d of DOCUMENT_TYPES) for (const m of DOCUMENT_TYPE_MEDIA_TYPES[d]) assert.ok(isMediaType(m), `${d}: ${m}`)
  assert.ok((DOCUMENT_TYPE_MEDIA_TYPES.AML_POLICY as readonly string[]).includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document'))
  assert.ok(!(DOCUMENT_TYPE_MEDIA_TYPES.VAT_CERT as readonly string[]).includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
})
