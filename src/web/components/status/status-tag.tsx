import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'

/** Tag colours; each pair of text and background meets WCAG 2.1 AA (assets/css/app.css). */
export type Tone = 'grey' | 'blue' | 'green' | 'yellow' | 'red'
export const TONE_CLASS = {
  grey: 'tag tag--grey',
  blue: 'tag tag--blue',
  green: 'tag tag--green',
  yellow: 'tag tag--yellow',
  red: 'tag tag--red',
} as const satisfies Record<Tone, string>

export type StatusTagProps<S extends string> = {
  t: Translator
  status: S
  /** One tone per status (house style R7: a Record, so a new status breaks the build here). */
  tones: Record<S, Tone>
  labels: Record<S, MessageKey>
}

/** A status shown as a coloured tag. The text carries the meaning; colour only supports it. */
export function StatusTag<S extends string>({ t, status, tones, labels }: StatusTagProps<S>) {
  return <strong class={TONE_CLASS[tones[status]]}>{t(labels[status])}</strong>
}

/** The demo lifecycle used by the component gallery until the real ones land (R6). */
export const DEMO_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const
export type DemoStatus = (typeof DEMO_STATUSES)[number]

export const DEMO_STATUS_TONE = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
} as const satisfies Record<DemoStatus, Tone>

export const DEMO_STATUS_LABEL = {
  draft: 'components.tag.draft',
  submitted: 'components.tag.submitted',
  returned: 'components.tag.returned',
  accepted: 'components.tag.accepted',
} as const satisfies Record<DemoStatus, MessageKey>

export function DemoStatusTag({ t, status }: { t: Translator; status: DemoStatus }) {
  return <StatusTag t={t} status={status} tones={DEMO_STATUS_TONE} labels={DEMO_STATUS_LABEL} />
}
