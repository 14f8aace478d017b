/**
 * `npm run i18n:check`: reports message keys that no source file uses (R20). Missing or extra
 * English keys already fail the typecheck; this catches dead Thai text.
 */
import fs from 'node:fs'
import path from 'node:path'
import { th } from '#locales/th/index.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const sources: string[] = []
const walk = (dir: string) => {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) walk(p)
    else if (/\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) sources.push(fs.readFileSync(p, 'utf8'))
  }
}
walk(path.join(ROOT, 'src'))
const all = sources.join('\n')
// Keys may also be referenced by prefix in typed maps (e.g. 'components.tag.' + status is not allowed,
// so every key should appear literally somewhere).
const unused = Object.keys(th).filter((k) => !all.includes(`'${k}'`) && !all.includes(`"${k}"`))
if (unused.length) {
  console.log(`${unused.length} unused message key(s):\n${unused.map((k) => `  ${k}`).join('\n')}`)
  process.exit(1)
}
console.log(`all ${Object.keys(th).length} message keys are used`)
