/**
 * Sarabun inlined as data-URL @font-face rules for PDFs (stack.md §4.3): Chromium fetches nothing.
 * The thai subset has no Latin letters, digits or punctuation, so both subsets are declared with
 * their unicode-range, for the regular and bold weights. Built once per process (~60 KB of CSS).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** unicode-range values as published by @fontsource/sarabun 5.3.0 (index.css). */
const SUBSETS = {
  thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const
const WEIGHTS = [400, 700] as const

let cached: string | undefined

export function sarabunFontFaceCss(): string {
  if (cached) return cached
  const dir = path.join(path.dirname(require.resolve('@fontsource/sarabun/package.json')), 'files')
  const rules: string[] = []
  for (const [subset, range] of Object.entries(SUBSETS)) {
    for (const weight of WEIGHTS) {
      const data = fs.readFileSync(path.join(dir, `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64')
      rules.push(
        `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      )
    }
  }
  cached = rules.join('\n')
  return cached
}
