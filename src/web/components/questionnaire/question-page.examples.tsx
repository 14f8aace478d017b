/**
 * Gallery examples: the kitchen-sink questionnaire's pages (every field type, groups, conditions,
 * errors), the task list and check-your-answers. Kitchen-sink labels are made-up `ks.*` keys, so
 * these render with the fixture's `testTranslator` (real keys translated, `ks.*` echoed).
 * Every page has its own field ids, so each page appears once; other ids carry an `ex-q-` prefix.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ATTACHMENTS, familyAnswers, kitchenSink, testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import type { ComponentExample } from '../examples.ts'
import { CheckAnswers } from './check-answers.tsx'
import { QuestionPage } from './question-page.tsx'
import { TaskList } from './task-list.tsx'

const ksCtx = (ctx: PageContext) => ({ ...ctx, t: testTranslator(ctx.locale) })
const key = (s: string) => s as MessageKey

export const questionPageExamples: ComponentExample[] = [
  {
    name: 'part A page 1, after a failed post (errors on a date, an address part and a choice)',
    render: (ctx) => (
      <QuestionPage
        ctx={ksCtx(ctx)}
        definition={kitchenSink}
        partId="part-a"
        pageId="1"
        answers={{ ...familyAnswers, T12: undefined }}
        posted={{ T06: '02-123' }}
        errors={[
          { path: 'T04', messageKey: key('errors.date.impossible') },
          { path: 'T06', messageKey: key('questionnaire.errors.phone') },
          { path: 'T07.postcode', messageKey: key('questionnaire.errors.address.postcode') },
        ]}
        action="/dev/components"
        titleAs="h2"
        idPrefix="ex-q-a1-"
      />
    ),
  },
  {
    name: 'part B page 1: a repeating group with a conditional column',
    render: (ctx) => (
      <QuestionPage ctx={ksCtx(ctx)} definition={kitchenSink} partId="part-b" pageId="1" answers={familyAnswers} action="/dev/components"
        titleAs="h2" idPrefix="ex-q-b1-" />
    ),
  },
  {
    name: 'part B page 2: percentages, money, an optional group, choices',
    render: (ctx) => (
      <QuestionPage ctx={ksCtx(ctx)} definition={kitchenSink} partId="part-b" pageId="2" answers={familyAnswers} action="/dev/components"
        titleAs="h2" idPrefix="ex-q-b2-" />
    ),
  },
  {
    name: 'part C: file questions with + เพิ่มเอกสาร',
    render: (ctx) => (
      <QuestionPage
        ctx={ksCtx(ctx)}
        definition={kitchenSink}
        partId="part-c"
        pageId="1"
        answers={familyAnswers}
        attachments={{ T20: [{ id: ATTACHMENTS[0].id, fileName: 'แบบคำขอใช้บริการ-ลงนาม.pdf', documentType: ATTACHMENTS[0].documentType, sizeBytes: 120_000, uploadedAt: new Date('2026-11-29T03:32:00Z') }] }}
        addDocumentHref={(id) => `/dev/components?question=${id}`}
        action="/dev/components"
        titleAs="h2"
        idPrefix="ex-q-c1-"
      />
    ),
  },
]

export const taskListExamples: ComponentExample[] = [
  {
    name: 'statuses, deadline and last saved',
    render: (ctx) => (
      <TaskList
        t={testTranslator(ctx.locale)}
        locale={ctx.locale}
        definition={kitchenSink}
        statuses={{ 'part-a': 'completed', 'part-b': 'in_progress', 'part-c': 'needs_correction' }}
        partHref={(id) => `/dev/components#${id}`}
        deadline={new Date('2026-03-31T16:59:00Z')}
        lastSavedAt={new Date('2026-01-15T07:30:00Z')}
        basicReportHref="/dev/components"
      />
    ),
  },
]

export const checkAnswersExamples: ComponentExample[] = [
  {
    name: 'the whole kitchen sink, answered as a family membership',
    render: (ctx) => (
      <CheckAnswers
        t={testTranslator(ctx.locale)}
        definition={kitchenSink}
        answers={familyAnswers}
        changeHref={(r) => `/dev/components#${r.partId}-${r.pageId}-${r.fieldId}`}
      />
    ),
  },
]
