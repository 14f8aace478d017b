/**
 * Every field type that can be a column of a repeating group (all but `group`: groups do not nest).
 * `registry.ts` adds `group` to make the full registry.
 */
import { z } from 'zod'
import type { FieldTypeModule } from './contract.ts'
import { DateDef, dateField } from './date.ts'
import { EmailDef, emailField } from './email.ts'
import { FileDef, fileField, type FileRef } from './file.ts'
import { IntegerDef, integerField } from './integer.ts'
import { LongTextDef, longTextField } from './long-text.ts'
import { MoneyDef, moneyField, type Satang } from './money.ts'
import { MultipleChoiceDef, multipleChoiceField } from './multiple-choice.ts'
import type { LeafFieldType } from './names.ts'
import { PercentageDef, percentageField } from './percentage.ts'
import { PhoneDef, phoneField } from './phone.ts'
import { SingleChoiceDef, singleChoiceField } from './single-choice.ts'
import { TextDef, textField } from './text.ts'
import { ThaiAddressDef, thaiAddressField, type ThaiAddressAnswer } from './thai-address.ts'
import { ThaiId13Def, thaiId13Field } from './thai-id13.ts'
import { YnpDef, ynpField, type YnpAnswer } from './ynp.ts'

/** The stored answer of each leaf type. */
export type LeafAnswerByType = {
  text: string
  longText: string
  integer: number
  /** Integer satang (money.ts). */
  money: Satang
  percentage: number
  /** ISO `yyyy-mm-dd`. */
  date: string
  singleChoice: string
  multipleChoice: readonly string[]
  ynp: YnpAnswer
  thaiAddress: ThaiAddressAnswer
  /** E.164. */
  phone: string
  email: string
  /** 13 ASCII digits. */
  thaiId13: string
  file: readonly FileRef[]
}

export const LEAF_DEF_SCHEMAS = [
  TextDef,
  LongTextDef,
  IntegerDef,
  MoneyDef,
  PercentageDef,
  DateDef,
  SingleChoiceDef,
  MultipleChoiceDef,
  YnpDef,
  ThaiAddressDef,
  PhoneDef,
  EmailDef,
  ThaiId13Def,
  FileDef,
] as const
export const LeafFieldDef = z.discriminatedUnion('type', LEAF_DEF_SCHEMAS)
export type LeafFieldDef = z.infer<typeof LeafFieldDef>
export type LeafDefOf<T extends LeafFieldType> = Extract<LeafFieldDef, { type: T }>

export const LEAF_FIELD_TYPE_REGISTRY = {
  text: textField,
  longText: longTextField,
  integer: integerField,
  money: moneyField,
  percentage: percentageField,
  date: dateField,
  singleChoice: singleChoiceField,
  multipleChoice: multipleChoiceField,
  ynp: ynpField,
  thaiAddress: thaiAddressField,
  phone: phoneField,
  email: emailField,
  thaiId13: thaiId13Field,
  file: fileField,
} as const satisfies { [K in LeafFieldType]: FieldTypeModule<LeafDefOf<K>, LeafAnswerByType[K]> }

/** The module for a leaf definition, typed loosely for generic engine code. */
export const leafModule = (def: LeafFieldDef): FieldTypeModule<LeafFieldDef, unknown> =>
  LEAF_FIELD_TYPE_REGISTRY[def.type] as unknown as FieldTypeModule<LeafFieldDef, unknown>
