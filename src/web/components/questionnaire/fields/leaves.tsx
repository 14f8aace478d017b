/**
 * The renderers of every type a group column may be (all but `group`), mirroring the engine's
 * leaves.ts; `registry.ts` adds `group`. `LeafField` dispatches on `def.type`.
 */
import type { LeafFieldDef, LeafFieldType } from '#src/questionnaire/engine/index.ts'
import type { LeafDefOf } from '#src/questionnaire/engine/field-types/leaves.ts'
import { DateField } from './date.tsx'
import { EmailField } from './email.tsx'
import { FileField } from './file.tsx'
import { keptQuestion } from './kept-html.tsx'
import { IntegerField } from './integer.tsx'
import { LongTextField } from './long-text.tsx'
import { MoneyField } from './money.tsx'
import { MultipleChoiceField } from './multiple-choice.tsx'
import { PercentageField } from './percentage.tsx'
import { PhoneField } from './phone.tsx'
import { ReadOnlyField } from './read-only.tsx'
import { SingleChoiceField } from './single-choice.tsx'
import { TextField } from './text.tsx'
import { ThaiAddressField } from './thai-address.tsx'
import { ThaiId13Field } from './thai-id13.tsx'
import type { FieldProps, FieldRenderer } from './types.ts'
import { YnpField } from './ynp.tsx'

export const LEAF_FIELD_RENDERERS = {
  text: TextField,
  longText: LongTextField,
  integer: IntegerField,
  money: MoneyField,
  percentage: PercentageField,
  date: DateField,
  singleChoice: SingleChoiceField,
  multipleChoice: MultipleChoiceField,
  ynp: YnpField,
  thaiAddress: ThaiAddressField,
  phone: PhoneField,
  email: EmailField,
  thaiId13: ThaiId13Field,
  file: FileField,
} as const satisfies { [K in LeafFieldType]: FieldRenderer<LeafDefOf<K>> }

/**
 * Renders a leaf question (or group cell) with its type's renderer, or as HTML kept from an earlier
 * rendering (kept-html.tsx); read-only ones as text.
 */
export function LeafField(props: FieldProps<LeafFieldDef>) {
  if (props.def.readOnly) return <ReadOnlyField {...props} />
  const Renderer = LEAF_FIELD_RENDERERS[props.def.type] as FieldRenderer<LeafFieldDef>
  return keptQuestion(props, Renderer) ?? <Renderer {...props} />
}
