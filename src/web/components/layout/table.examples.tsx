import { formatNumber } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { ComponentExample } from '../examples.ts'
import { DemoStatusTag } from '../status/status-tag.tsx'
import { Table, type TableColumn } from './table.tsx'

const columns = (t: Translator): TableColumn[] => [
  { header: t('components.example.colName') },
  { header: t('components.example.colStatus') },
  { header: t('components.example.colScore'), numeric: true },
]

// Business names are data (what users type), not interface text.
const rows = (t: Translator, locale: Locale) => [
  ['บริษัท ทองดี จำกัด', <DemoStatusTag t={t} status="submitted" />, formatNumber(72.5, locale)],
  ['ห้างหุ้นส่วนจำกัด รถดี', <DemoStatusTag t={t} status="returned" />, formatNumber(1250, locale)],
  ['บริษัท บ้านสวย จำกัด', <DemoStatusTag t={t} status="accepted" />, formatNumber(8, locale)],
]

export const tableExamples: ComponentExample[] = [
  {
    name: 'with rows, row headers and a numeric column',
    render: ({ t, locale }) => <Table t={t} caption={t('components.example.tableCaption')} columns={columns(t)} rows={rows(t, locale)} rowHeaders />,
  },
  { name: 'empty', render: ({ t }) => <Table t={t} caption={t('components.example.tableCaption')} columns={columns(t)} rows={[]} /> },
  {
    name: 'English',
    locale: 'en',
    render: ({ t, locale }) => <Table t={t} caption={t('components.example.tableCaption')} columns={columns(t)} rows={rows(t, locale)} />,
  },
]
