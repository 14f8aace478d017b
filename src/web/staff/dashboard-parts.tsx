/** Small pieces shared by the staff insight pages (dashboard, filing status, business profile). */
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { CycleOption } from '#src/insights/insights.shared.ts'
import type { RatingBucket } from '#src/insights/insights.model.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { Button, Select } from '#src/web/components/form/index.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { RATING_LABELS } from './staff-labels.ts'

export const BUCKET_LABELS = { ...RATING_LABELS, none: 'staff.rating.none' } as const satisfies Record<RatingBucket, MessageKey>

export const typeNameOf = (types: readonly BusinessTypeOption[], locale: Locale) => (code: string) => {
  const bt = types.find((b) => b.code === code)
  return bt ? (locale === 'en' ? bt.nameEn : bt.nameTh) : code
}

export const cycleLabel = (c: { nameTh: string; nameEn: string }, locale: Locale) => (locale === 'en' ? c.nameEn : c.nameTh)

/** The business's registered name linking to its staff profile. */
export function BusinessLink(p: { entityId: string; nameTh: string; nameEn: string | null; legalForm: string; locale: Locale }) {
  return <a href={`/staff/businesses/${p.entityId}`}>{registeredName(p.nameTh, p.legalForm as LegalForm, p.locale, p.nameEn)}</a>
}

/** Links between the staff workspace pages. */
export function InsightsNav({ ctx, cycle }: { ctx: PageContext; cycle: string | undefined }) {
  const { t } = ctx
  const q = cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''
  return (
    <nav aria-label={t('insights.nav.label')}>
      <ul class="list list--inline">
        <li>
          <a href={`/staff/dashboard${q}`} aria-current={ctx.currentPath.startsWith('/staff/dashboard') ? 'page' : undefined}>
            {t('insights.dashboard.title')}
          </a>
        </li>
        <li>
          <a href={`/staff/filing${q}`} aria-current={ctx.currentPath.startsWith('/staff/filing') ? 'page' : undefined}>
            {t('insights.filing.title')}
          </a>
        </li>
        <li>
          <a href="/staff/submissions">{t('staff.queue.title')}</a>
        </li>
      </ul>
    </nav>
  )
}

/** GET form to switch the cycle a page shows (works without JavaScript). */
export function CycleSwitcher({ ctx, action, cycles, current }: { ctx: PageContext; action: string; cycles: readonly CycleOption[]; current: string | undefined }) {
  const { t, locale } = ctx
  if (cycles.length < 2) return null
  return (
    <form method="get" action={action} class="filters">
      <Select t={t} id="cycle" label={t('insights.cycle.label')} value={current ?? ''} options={cycles.map((c) => ({ value: c.code, label: cycleLabel(c, locale) }))} />
      <div class="form-group">
        <Button variant="secondary">{t('insights.cycle.show')}</Button>
      </div>
    </form>
  )
}
