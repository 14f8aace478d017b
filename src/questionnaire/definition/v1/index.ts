/**
 * Version 1 of the AMRAC risk-assessment questionnaire (domain.md §5). Frozen once a cycle uses it:
 * changes go into a new version (copy the folder to v2, register it in ../index.ts).
 */
import { defineQuestionnaire, fieldsByFeed } from '#src/questionnaire/engine/definition.ts'
import { partA, partARules } from './part-a.ts'
import { partB, partBRules } from './part-b.ts'
import { partC } from './part-c.ts'
import { partD, partDRules } from './part-d.ts'

export const questionnaireV1 = defineQuestionnaire({
  id: 'amrac-risk-assessment',
  version: 1,
  title: 'questionnaire.v1.title',
  parts: [partA, partB, partC, partD],
  rules: [...partARules, ...partBRules, ...partDRules],
})

/**
 * Field ids per risk factor (CUS PRD CHN GEO TXN ORG SIZ) and control area (C1–C8), in document
 * order, for the scoring model (domain.md §6.2–6.3). Groups are listed by their id (B01, B09…).
 */
export const V1_FIELDS_BY_FEED = fieldsByFeed(questionnaireV1)
