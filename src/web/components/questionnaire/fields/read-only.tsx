import type { FieldDef, LeafFieldDef } from '#src/questionnaire/engine/index.ts'
import { Hint, hintId } from '#src/web/components/form/field-parts.tsx'
import type { FieldProps } from './types.ts'

const flatten = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number'
    ? String(v)
    : Array.isArray(v)
      ? v.map(flatten).filter(Boolean).join(', ')
      : v && typeof v === 'object'
        ? Object.values(v as Record<string, unknown>).map(flatten).filter(Boolean).join(' ')
        : ''

/**
 * A pre-filled, read-only question (`readOnly: true`): shown as text, no input — the engine ignores
 * posted values for it anyway. Used by `QuestionField` in place of the type's renderer.
 */
export function ReadOnlyField({ t, def, id, value }: FieldProps<FieldDef | LeafFieldDef>) {
  return (
    <div class="form-group">
      <p class="label" id={`${id}-label`}>
        {t(def.label)}
      </p>
      <Hint id={hintId(id)}>{t('questionnaire.form.readOnlyHint')}</Hint>
      <p class="body read-only-value" id={id}>
        {flatten(value)}
      </p>
    </div>
  )
}
