import type { Translator } from '#src/platform/i18n/translator.ts'

/**
 * A live hint under a new-password field, filled in by assets/js/app.js as the user types (length
 * still needed, then a rough strength). The server's check (passwords.ts) is the one that counts.
 */
export function PasswordStrength({ t, forId }: { t: Translator; forId: string }) {
  return (
    <p
      class="hint"
      id={`${forId}-strength`}
      aria-live="polite"
      data-password-strength={forId}
      data-label={t('auth.strength.label')}
      data-need-more={t('auth.strength.needMore', { n: '{n}' })}
      data-levels={JSON.stringify([0, 1, 2, 3, 4].map((n) => t(`auth.strength.${n as 0 | 1 | 2 | 3 | 4}`)))}
      hidden
    ></p>
  )
}
