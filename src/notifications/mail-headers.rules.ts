/**
 * Anything that goes into a mail header (subject, addresses, attachment names) comes from our data.
 * Line breaks there would start new headers (header injection), so they are removed here.
 */

// CR, LF, NEL, line/paragraph separators and the other C0/C1 controls.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_HEADER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/** One line of text: controls become spaces, runs of spaces collapse, ends are trimmed. */
export function headerSafe(value: string, maxLength = 300): string {
  const clean = value.replace(UNSAFE_IN_HEADER, ' ').replace(/\s{2,}/g, ' ').trim()
  return clean.length > maxLength ? clean.slice(0, maxLength).trimEnd() : clean
}

// One plain address, no display name, no list: what the outbox stores in to_address.
const SINGLE_ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/

export function isSingleAddress(value: string): boolean {
  return value.length <= 254 && SINGLE_ADDRESS.test(value)
}

/** The domain of `Name <user@domain>` or `user@domain`, for Message-IDs. */
export function mailDomain(from: string): string {
  const m = /@([^\s<>@]+?)>?\s*$/.exec(from)
  return m?.[1]?.toLowerCase() ?? 'localhost'
}

/** A file name for an attachment or a download: one line, no path separators. */
export function safeFileName(name: string): string {
  const clean = headerSafe(name, 150).replace(/[/\\"]/g, '-')
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean
}
