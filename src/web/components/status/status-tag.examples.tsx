import type { ComponentExample } from '../examples.ts'
import { DEMO_STATUSES, DemoStatusTag } from './status-tag.tsx'

const allStatuses: ComponentExample['render'] = ({ t }) => (
  <ul class="tag-list">
    {DEMO_STATUSES.map((s) => (
      <li key={s}>
        <DemoStatusTag t={t} status={s} />
      </li>
    ))}
  </ul>
)

export const statusTagExamples: ComponentExample[] = [
  { name: 'every demo status', render: allStatuses },
  { name: 'English', locale: 'en', render: allStatuses },
]
