import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { ComponentExample } from '#src/web/components/examples.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { GALLERY } from './gallery.ts'

function exampleContext(ctx: PageContext, example: ComponentExample): PageContext {
  if (!example.locale || example.locale === ctx.locale) return ctx
  return { ...ctx, locale: example.locale, t: createTranslator(example.locale) }
}

/** /dev/components: every example of every component on one page (headings per component). */
export function GalleryPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('common.dev.gallery.title')}>
      <h1 class="heading-xl">{t('common.dev.gallery.title')}</h1>
      <p class="body-l">{t('components.gallery.lead')}</p>
      <p>
        <a href="/dev/components/form">{t('components.gallery.formLink')}</a>
      </p>
      <nav aria-labelledby="gallery-contents">
        <h2 class="heading-m visually-hidden" id="gallery-contents" lang="en">
          Components
        </h2>
        <ul class="gallery__contents" lang="en">
          {GALLERY.map((s) => (
            <li key={s.slug}>
              <a href={`#${s.slug}`}>{s.component}</a>
            </li>
          ))}
        </ul>
      </nav>
      {GALLERY.map((section) => (
        <section class="gallery__section" aria-labelledby={section.slug} key={section.slug}>
          <h2 class="heading-l" id={section.slug} lang="en">
            {section.component}
          </h2>
          {section.examples.map((example, i) => {
            const exCtx = exampleContext(ctx, example)
            return (
              <div class="gallery__example" key={i} data-example={`${section.slug}/${i}`}>
                <h3 class="heading-s" lang="en">
                  {example.name}
                </h3>
                <div lang={exCtx.locale === ctx.locale ? undefined : exCtx.locale}>{example.render(exCtx)}</div>
              </div>
            )
          })}
        </section>
      ))}
    </PageLayout>
  )
}
