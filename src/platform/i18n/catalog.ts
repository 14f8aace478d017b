/**
 * Typed message catalogs (house style R20). Thai is canonical: every English area file
 * `satisfies Record<keyof typeof <thai area>, string>`, so a missing or extra key fails the typecheck.
 */
import { th } from '#locales/th/index.ts'
import { en } from '#locales/en/index.ts'
import type { Locale } from './locale.ts'

export type MessageKey = keyof typeof th
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { th, en }
export const isMessageKey = (k: string): k is MessageKey => Object.hasOwn(th, k)
