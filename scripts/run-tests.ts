/**
 * Lists the test files and runs them with node:test (Node 20 does not expand globs, stack.md §4.4).
 *   --kind unit   pure tests (*.test.ts that are not .db/.http/.scopes)
 *   --kind db     tests that touch a database (*.db.test.ts, *.http.test.ts, *.scopes.test.ts)
 *   --postgres    run them against PostgreSQL (TEST_DATABASE_URL, default the local server),
 *                 together with the *.pg.test.ts files that need a real server
 * Without --kind, every suite runs (unit + db on PGlite): that is `npm test`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : 'all'
const postgres = args.includes('--postgres')
const ROOT = path.resolve(import.meta.dirname, '..')

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name.startsWith('.')) return []
    const p = path.join(dir, d.name)
    return d.isDirectory() ? walk(p) : [p]
  })
}

const isDbTest = (f: string) => /\.(db|http|scopes)\.test\.tsx?$/.test(f)
/** *.pg.test.ts need a real PostgreSQL server (outage and restart behaviour): only with --postgres. */
const isPgOnly = (f: string) => /\.pg\.test\.tsx?$/.test(f)
const all = [...walk(path.join(ROOT, 'src')), ...walk(path.join(ROOT, 'tests')), ...walk(path.join(ROOT, 'scripts'))]
  .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes(`${path.sep}e2e${path.sep}`))
  .sort()
const files = all.filter((f) => {
  if (isPgOnly(f)) return postgres
  return kind === 'unit' ? !isDbTest(f) : kind === 'db' ? isDbTest(f) : true
})
if (files.length === 0) {
  console.error(`no test files for kind ${kind}`)
  process.exit(1)
}

/**
 * The PDF tests read PDFs back with pdftotext (Debian's poppler-utils). On a fresh machine (root,
 * Debian, as dev and CI run here) install it once, so `npm install && npm test` passes as it is.
 */
function ensurePdftotext() {
  if (spawnSync('pdftotext', ['-v']).error === undefined) return
  console.log('pdftotext not found: installing poppler-utils (needed by the PDF tests)…')
  const apt = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils'], { stdio: 'inherit' })
  if (apt.status !== 0) console.error('Could not install poppler-utils; install it with: apt-get install -y poppler-utils')
}
if (kind !== 'db') ensurePdftotext()

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' }
if (postgres) env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres'

const concurrency = process.env.TEST_CONCURRENCY ?? '2'
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=120000', ...files.map((f) => path.relative(ROOT, f))],
  { cwd: ROOT, env, stdio: 'inherit' },
)
process.exit(res.status ?? 1)
