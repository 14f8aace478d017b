/**
 * Turns a template's content into the message body: Thai first, the English version below it in the
 * same message (issue 3), as a text part and a plain, accessible HTML part. HTML is escaped by Preact;
 * no remote images, no scripts; links are absolute http(s) URLs and are also shown as text.
 */
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator, type Translator } from '#src/platform/i18n/translator.ts'
import type { MailBlock, MailContent, RenderedMail } from './mail-content.model.ts'
import { headerSafe } from './mail-headers.rules.ts'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import { MAIL_TEMPLATE_FNS } from './templates/index.ts'
import type { MailTemplateFn } from './templates/template.ts'

type Part = { locale: Locale; t: Translator; content: MailContent }

/** Order of the languages in every message: Thai, then English. */
const PART_LOCALES = ['th', 'en'] as const satisfies readonly Locale[]

export function renderMail<T extends MailTemplate>(template: T, payload: MailPayloads[T]): RenderedMail {
  const fn = MAIL_TEMPLATE_FNS[template] as MailTemplateFn<T>
  const parts: Part[] = PART_LOCALES.map((locale) => {
    const t = createTranslator(locale)
    return { locale, t, content: fn(payload, t) }
  })
  const subject = headerSafe(parts.map((p) => p.content.subject).join(' / '), 400)
  return { subject, text: renderText(parts), html: '<!doctype html>' + renderToString(<MailDocument subject={subject} parts={parts} />) }
}

/** Only absolute http(s) links become clickable; anything else is shown as text. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined
}

type BlockOf<K extends MailBlock['kind']> = Extract<MailBlock, { kind: K }>

// ---------------------------------------------------------------- text part

/** One entry per block kind: a new kind is a compile error until both parts render it (R7). */
const BLOCK_TEXT: { [K in MailBlock['kind']]: (b: BlockOf<K>) => string } = {
  paragraph: (b) => b.text,
  note: (b) => b.text,
  heading: (b) => `${b.text}\n${'-'.repeat(Math.min(40, Math.max(8, b.text.length)))}`,
  facts: (b) => b.items.map((i) => `${i.label}: ${i.value}`).join('\n'),
  action: (b) => `${b.label}:\n${b.url}`,
  steps: (b) => b.items.map((s, i) => `${i + 1}. ${s}`).join('\n'),
}

function blockText<K extends MailBlock['kind']>(b: BlockOf<K>): string {
  return (BLOCK_TEXT[b.kind as K] as (x: BlockOf<K>) => string)(b)
}

function partFooter(t: Translator): string[] {
  return [t('email.layout.securityNote'), t('email.layout.autoNotice'), t('common.app.owner')]
}

function renderText(parts: Part[]): string {
  const en = createTranslator('en')
  const sections = parts.map((p, i) => {
    const lines = [
      ...(i === 0 ? [`(${en('email.layout.otherLanguageBelow')})`] : ['='.repeat(40)]),
      p.t('email.layout.versionHeading'),
      p.content.greeting,
      ...p.content.blocks.map(blockText),
      '--',
      partFooter(p.t).join('\n'),
    ]
    return lines.join('\n\n')
  })
  return sections.join('\n\n\n') + '\n'
}

// ---------------------------------------------------------------- HTML part

const S = {
  body: 'margin:0;padding:16px;background:#ffffff;color:#0b0c0c;font-family:Sarabun,Tahoma,"Leelawadee UI",Arial,sans-serif;font-size:16px;line-height:1.6',
  wrap: 'max-width:640px;margin:0 auto',
  small: 'font-size:14px;color:#505a5f',
  link: 'color:#1d70b8;font-weight:bold',
  url: 'word-break:break-all',
  th: 'text-align:left;vertical-align:top;font-weight:normal;padding:2px 16px 2px 0',
  td: 'vertical-align:top;font-weight:bold;padding:2px 0',
  h2: 'font-size:20px;margin:24px 0 8px',
  hr: 'border:0;border-top:1px solid #b1b4b6;margin:32px 0',
} as const

const BLOCK_HTML: { [K in MailBlock['kind']]: (b: BlockOf<K>, t: Translator) => ComponentChildren } = {
  paragraph: (b) => <p>{b.text}</p>,
  note: (b) => <p style={S.small}>{b.text}</p>,
  heading: (b) => <h3 style={S.h2}>{b.text}</h3>,
  facts: (b) => (
    <table style="border-collapse:collapse;margin:8px 0 16px">
      <tbody>
        {b.items.map((i) => (
          <tr>
            <th scope="row" style={S.th}>
              {i.label}
            </th>
            <td style={S.td}>{i.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  action: (b, t) => {
    const href = safeHref(b.url)
    return (
      <>
        <p>
          {href ? (
            <a href={href} style={S.link}>
              {b.label}
            </a>
          ) : (
            <strong>{b.label}</strong>
          )}
        </p>
        <p style={S.small}>
          {t('email.layout.linkAddress')}
          <br />
          <span style={S.url}>{b.url}</span>
        </p>
      </>
    )
  },
  steps: (b) => (
    <ol>
      {b.items.map((s) => (
        <li>{s}</li>
      ))}
    </ol>
  ),
}

function BlockHtml<K extends MailBlock['kind']>({ block, t }: { block: BlockOf<K>; t: Translator }) {
  return <>{(BLOCK_HTML[block.kind as K] as (b: BlockOf<K>, t: Translator) => ComponentChildren)(block, t)}</>
}

function MailDocument({ subject, parts }: { subject: string; parts: Part[] }) {
  const en = createTranslator('en')
  return (
    <html lang={parts[0]!.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style={S.body}>
        <div style={S.wrap}>
          {parts.map((p, i) => (
            <>
              {i > 0 && <hr style={S.hr} />}
              <div lang={p.locale} id={`part-${p.locale}`}>
                {i === 0 && (
                  <p style={S.small} lang="en">
                    <a href={`#part-${parts[1]?.locale ?? 'en'}`}>{en('email.layout.otherLanguageBelow')}</a>
                  </p>
                )}
                <h2 style={S.h2}>{p.t('email.layout.versionHeading')}</h2>
                <p>{p.content.greeting}</p>
                {p.content.blocks.map((b) => (
                  <BlockHtml block={b} t={p.t} />
                ))}
                <hr style={S.hr} />
                {partFooter(p.t).map((line) => (
                  <p style={S.small}>{line}</p>
                ))}
              </div>
            </>
          ))}
        </div>
      </body>
    </html>
  )
}
