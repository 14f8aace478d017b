import type { Translator } from '#src/platform/i18n/translator.ts'

const STRENGTH_LEVELS = ['auth.strength.0', 'auth.strength.1', 'auth.strength.2', 'auth.strength.3', 'auth.strength.4'] as const

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
      data-levels={JSON.stringify(STRENGTH_LEVELS.map((key) => t(key)))}
      hidden
    ></p>
  )
}
