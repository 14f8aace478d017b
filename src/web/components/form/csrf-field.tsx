import type { PageContext } from '#src/web/lib/page-context.ts'

/** The hidden CSRF token every POST form carries (checked globally in a preHandler, stack.md §4.2). */
export function CsrfField({ ctx }: { ctx: Pick<PageContext, 'csrfToken'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
}
