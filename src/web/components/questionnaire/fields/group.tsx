import { Button } from '#src/web/components/form/index.ts'
import { groupMinRows, visibleColumns, type FieldDefOf, type GroupRow } from '#src/questionnaire/engine/index.ts'
import { ErrorMessage, Hint, describedBy, errorId, groupClass, hintId, labelText } from '#src/web/components/form/field-parts.tsx'
import { LeafField } from './leaves.tsx'
import { fieldDomId, type FieldProps } from './types.ts'

const rowsOf = (value: unknown): GroupRow[] => {
  if (Array.isArray(value)) return value.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as GroupRow) : {}))
  // After a failed post, un-flattened rows may arrive as { "0": {…}, "1": {…} }.
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => /^\d{1,3}$/.test(k))
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, r]) => (r && typeof r === 'object' ? (r as GroupRow) : {}))
  }
  return []
}

/** Intent values of the row buttons (parsed by the engine's `parseRowIntent`). */
export const addRowIntent = (groupId: string) => `add:${groupId}`
export const removeRowIntent = (groupId: string, index: number) => `remove:${groupId}:${index}`

/**
 * `group`: repeating rows (directors, shareholders, branches…). A fieldset for the question, one
 * fieldset per row headed "รายการที่ n" (or the definition's `rowLabel`), each shown column rendered
 * by the leaf registry as `${name}.${i}.${column}`. Rows are added and removed by submit buttons
 * (`intent=add:B01`, `intent=remove:B01:2`) that save the draft and re-render: no JavaScript needed.
 * At `maxRows` the add button is replaced by a note. While a group has fewer rows than `minRows`,
 * empty rows are shown to fill in (they have no remove button: there is nothing stored to remove).
 * Column conditions are evaluated on the row's current values; with JavaScript off a conditional
 * column appears after the next save.
 */
export function GroupField(props: FieldProps<FieldDefOf<'group'>>) {
  const { t, def, name, id, error, errorFor, locale } = props
  const stored = rowsOf(props.value)
  const shown = Math.min(def.maxRows, Math.max(stored.length, groupMinRows(def)))
  const rows = Array.from({ length: shown }, (_, i) => stored[i] ?? {})
  const hint = def.hint ? t(def.hint) : undefined
  const full = stored.length >= def.maxRows
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset repeating-group" id={id} aria-describedby={describedBy(hint ? hintId(id) : undefined, error ? errorId(id) : undefined)}>
        <legend class="fieldset__legend fieldset__legend--m">{labelText(t, t(def.label), def.optional)}</legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        {rows.length === 0 ? <p class="body">{t('questionnaire.form.noRows')}</p> : null}
        {rows.map((row, i) => {
          const heading = def.rowLabel ? t(def.rowLabel, { n: i + 1 }) : t('questionnaire.form.rowHeading', { n: i + 1 })
          const rowName = `${name}.${i}`
          return (
            <fieldset class="fieldset repeating-group__row" id={fieldDomId(rowName)} key={i}>
              <legend class="fieldset__legend">{heading}</legend>
              {visibleColumns(def, row).map((col) => {
                const cellName = `${rowName}.${col.id}`
                return (
                  <LeafField
                    key={col.id}
                    t={t}
                    locale={locale}
                    def={col}
                    name={cellName}
                    id={fieldDomId(cellName)}
                    value={row[col.id]}
                    error={errorFor(cellName)}
                    errorFor={errorFor}
                    attachmentsById={props.attachmentsById}
                    documentIntents={props.documentIntents}
                  />
                )
              })}
              {i < stored.length && !def.readOnly ? (
                <button class="button button--secondary" type="submit" name="intent" value={removeRowIntent(def.id, i)}>
                  {t('questionnaire.form.removeRow')}
                  <span class="visually-hidden"> ({heading})</span>
                </button>
              ) : null}
            </fieldset>
          )
        })}
        {def.readOnly ? null : full ? (
          <p class="hint">{t('questionnaire.form.maxRowsReached', { max: def.maxRows })}</p>
        ) : (
          <Button variant="secondary" name="intent" value={addRowIntent(def.id)}>
            {def.addLabel ? t(def.addLabel) : t('questionnaire.form.addRow')}
          </Button>
        )}
      </fieldset>
    </div>
  )
}
