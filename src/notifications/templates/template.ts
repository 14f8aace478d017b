import { formatDateTimeLong } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import type { MailContent } from '../mail-content.model.ts'
import type { MailPayloads, MailTemplate } from '../mail-templates.model.ts'

/** A mail template: the payload and one language's translator give that language's part. */
export type MailTemplateFn<T extends MailTemplate> = (payload: MailPayloads[T], t: Translator) => MailContent

/** A stored ISO instant written out in Bangkok time in the translator's language. */
export function bangkokTime(iso: string, t: Translator): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) throw new Error(`mail payload holds an invalid instant: ${JSON.stringify(iso).slice(0, 40)}`)
  return formatDateTimeLong(d, t.locale)
}
