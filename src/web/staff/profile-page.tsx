/**
 * A business's profile for AMLO staff: registry data, its accounts (no credentials), every cycle
 * with the assessment's status and submitted versions, ratings over time (chart + table) and the
 * place where its inspection cases will be listed.
 */
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { UserStatus } from '#src/identity/identity.model.ts'
import type { Role } from '#src/identity/permissions.ts'
import type { BusinessProfile } from '#src/insights/get-business-profile.ts'
import { ratingLineOption } from '#src/insights/insights.model.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateLong, formatDateTimeNumeric, formatIsoDateLong } from '#src/platform/i18n/format.ts'
import { RATINGS } from '#src/review/review.model.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ROLE_LABEL } from '#src/web/account/account-page.tsx'
import { ASSESSMENT_STATUS_LABELS } from '#src/web/portal/assessment-pages.tsx'
import { ChartFigure } from './dashboard-chart.tsx'
import { BUCKET_LABELS, typeNameOf } from './dashboard-parts.tsx'

const USER_STATUS_LABELS = {
  pending_email: 'account.status.pending_email',
  pending_approval: 'account.status.pending_approval',
  invited: 'account.status.invited',
  active: 'account.status.active',
  deactivated: 'account.status.deactivated',
  locked: 'account.status.locked',
} as const satisfies Record<UserStatus, MessageKey>

const ENTITY_STATUS_LABELS = { active: 'insights.profile.entityStatus.active', inactive: 'insights.profile.entityStatus.inactive' } as const satisfies Record<'active' | 'inactive', MessageKey>

export function ProfilePage({ ctx, profile, businessTypes }: { ctx: PageContext; profile: BusinessProfile; businessTypes: BusinessTypeOption[] }) {
  const { t, locale } = ctx
  const { entity: e, users, cycles } = profile
  const typeName = typeNameOf(businessTypes, locale)
  const name = registeredName(e.nameTh, e.legalForm as LegalForm, locale, e.nameEn)
  const cyclesOldestFirst = [...cycles].reverse()
  const rated = cyclesOldestFirst.filter((c) => c.rating !== undefined)
  const bandNames = RATINGS.map((r) => t(BUCKET_LABELS[r]))
  const row = (label: string, value: string | null | undefined) => (
    <div>
      <dt>{label}</dt>
      <dd>{value || '–'}</dd>
    </div>
  )
  return (
    <PageLayout ctx={ctx} title={name}>
      <p class="body">
        <a class="back-link" href="/staff/submissions">
          {t('staff.queue.title')}
        </a>
      </p>
      <h1 class="heading-xl">
        <span class="caption-l">{t('insights.profile.caption')}</span>
        {name}
      </h1>

      <section aria-labelledby="registry-heading">
        <h2 class="heading-l" id="registry-heading">
          {t('insights.profile.registry')}
        </h2>
        <dl class="summary-list" id="registry">
          {row(t('staff.col.juristicId'), e.juristicId)}
          {row(t('insights.profile.nameTh'), registeredName(e.nameTh, e.legalForm as LegalForm, 'th'))}
          {row(t('insights.profile.nameEn'), e.nameEn)}
          {row(t('insights.profile.tradingName'), e.tradingName)}
          {row(t('insights.profile.primaryType'), typeName(e.primaryBusinessType))}
          {row(t('insights.profile.allTypes'), e.businessTypes.map(typeName).join(', '))}
          {row(t('insights.profile.status'), t(e.status === 'inactive' ? ENTITY_STATUS_LABELS.inactive : ENTITY_STATUS_LABELS.active))}
          {row(t('insights.profile.registeredOn'), e.registeredOn ? formatIsoDateLong(e.registeredOn, locale) : null)}
          {row(t('insights.profile.address'), [e.addressLine, e.subdistrict, e.district, e.province, e.postcode].join(' '))}
          {row(t('insights.profile.phone'), e.phone)}
          {row(t('insights.profile.email'), e.email)}
        </dl>
      </section>

      <section aria-labelledby="users-heading">
        <h2 class="heading-l" id="users-heading">
          {t('insights.profile.users')}
        </h2>
        <table class="table" id="users">
          <caption class="visually-hidden">{t('insights.profile.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.profile.userName')}</th>
              <th scope="col">{t('insights.profile.username')}</th>
              <th scope="col">{t('insights.profile.email')}</th>
              <th scope="col">{t('insights.profile.role')}</th>
              <th scope="col">{t('insights.profile.userStatus')}</th>
              <th scope="col">{t('insights.profile.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colspan={6} class="table__empty">
                  {t('insights.profile.noUsers')}
                </td>
              </tr>
            ) : (
              users.map((u) => (
                <tr key={u.id}>
                  <td>{`${u.firstName} ${u.lastName}`}</td>
                  <td>{u.username}</td>
                  <td>{u.email}</td>
                  <td>{t(ROLE_LABEL[u.role as Role])}</td>
                  <td>{t(USER_STATUS_LABELS[u.status as UserStatus])}</td>
                  <td>{u.lastLoginAt ? formatDateTimeNumeric(u.lastLoginAt) : t('insights.profile.neverSignedIn')}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="cycles-heading">
        <h2 class="heading-l" id="cycles-heading">
          {t('insights.profile.cycles')}
        </h2>
        <table class="table" id="cycles">
          <caption class="visually-hidden">{t('insights.profile.cycles')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.filter.cycle')}</th>
              <th scope="col">{t('insights.profile.deadline')}</th>
              <th scope="col">{t('staff.col.status')}</th>
              <th scope="col">{t('insights.profile.submissions')}</th>
              <th scope="col">{t('staff.col.rating')}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.length === 0 ? (
              <tr>
                <td colspan={5} class="table__empty">
                  {t('insights.noCycle')}
                </td>
              </tr>
            ) : (
              cycles.map((c) => (
                <tr key={c.code} data-cycle={c.code}>
                  <th scope="row">{locale === 'en' ? c.nameEn : c.nameTh}</th>
                  <td>{formatDateLong(c.deadline, locale)}</td>
                  <td>
                    {c.assessment ? t(ASSESSMENT_STATUS_LABELS[c.assessment.status]) : t('insights.profile.notStarted')}
                    {c.assessment && c.submissions.length ? (
                      <>
                        <br />
                        <a href={`/staff/submissions/${c.assessment.id}`}>{t('insights.profile.openSubmission')}</a>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {c.submissions.length === 0 ? (
                      t('insights.profile.noSubmission')
                    ) : (
                      <ul class="list">
                        {c.submissions.map((s) => (
                          <li key={s.receiptRef}>{t('insights.profile.version', { version: s.version, receiptRef: s.receiptRef, at: formatDateTimeNumeric(s.submittedAt) })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {c.rating ? t(BUCKET_LABELS[c.rating]) : '–'}
                    {c.rating && c.ratingSource === 'override' ? <span class="hint"> {t('staff.rating.overridden')}</span> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="ratings-heading">
        <h2 class="heading-l" id="ratings-heading">
          {t('insights.profile.ratings')}
        </h2>
        {rated.length === 0 ? (
          <p class="body">{t('insights.profile.noRatings')}</p>
        ) : (
          <ChartFigure
            id="chart-ratings"
            caption={t('insights.profile.ratingsCaption')}
            size={{ width: 480, height: 200 }}
            option={ratingLineOption(
              rated.map((c) => c.code),
              rated.map((c) => (c.rating && c.rating !== 'none' ? RATINGS.indexOf(c.rating) + 1 : null)),
              bandNames,
            )}
          >
            <table class="table" id="ratings">
              <caption class="visually-hidden">{t('insights.profile.ratingsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.filter.cycle')}</th>
                  <th scope="col">{t('staff.col.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {rated.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.code}</th>
                    <td>{c.rating ? t(BUCKET_LABELS[c.rating]) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartFigure>
        )}
      </section>

      <section aria-labelledby="cases-heading" id="cases">
        <h2 class="heading-l" id="cases-heading">
          {t('insights.profile.cases')}
        </h2>
        <p class="body">{t('insights.profile.noCases')}</p>
      </section>
    </PageLayout>
  )
}
