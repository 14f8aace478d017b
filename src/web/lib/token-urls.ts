/** One-time links carry their token in the path (confirm, reset, invitation, e-mail change, support reply link). */
// Also inside an encoded `next=` (the language switch on a reset page carries the page address).
export const TOKEN_IN_URL = /((?:confirm-email|reset-password|invitation|confirm-email-change|ticket-reply)(?:\/|%2F))[^/?#&%]+|([?&]token=)[^&#]+/gi
export const redactTokens = (url: string) => url.replace(TOKEN_IN_URL, (_m, path, query) => `${path ?? query}[redacted]`)

/** Whether a URL holds a one-time token: such pages are served with `Referrer-Policy: no-referrer`. */
export const hasTokenInUrl = (url: string) => url.replace(TOKEN_IN_URL, '\u0000') !== url
