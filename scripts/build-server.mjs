/**
 * `npm run build` (and `prestart`, with --if-stale): bundles src/server/main.ts and everything it
 * imports from src/ and locales/ into dist/server.mjs, so `npm start` runs plain JavaScript instead
 * of transpiling ~300 TypeScript modules through tsx on every start (docs/decisions/0006).
 * Packages in node_modules stay external (imported at run time as usual). Dev (`npm run dev`),
 * tests and the browser suite keep running the TypeScript through tsx.
 *
 * Plain JavaScript on purpose: `prestart` runs this on every `npm start`, and loading tsx first
 * would cost ~0.3 s. --if-stale rebuilds only when a bundled source file, this script,
 * package.json, tsconfig.json or the esbuild version changed since the last build (dist/build-info.json).
 *
 * Modules that find files next to themselves (import.meta.url: migrations, fonts, createRequire)
 * get the URL of their source file, so paths resolve exactly as under tsx.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = path.join(ROOT, 'dist')
const OUT_FILE = path.join(OUT_DIR, 'server.mjs')
const INFO_FILE = path.join(OUT_DIR, 'build-info.json')
const ENTRY = 'src/server/main.ts'
/** Inputs outside the bundle graph that change its output. */
const EXTRA_INPUTS = ['scripts/build-server.mjs', 'package.json', 'tsconfig.json']

/** @param {string} rel */
function fingerprint(rel) {
  try {
    const s = fs.statSync(path.join(ROOT, rel))
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}

function esbuildVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version
  } catch {
    return 'missing'
  }
}

/** @returns {string | undefined} why a rebuild is needed, or undefined when dist/ is current */
function staleReason() {
  if (!fs.existsSync(OUT_FILE)) return 'no build yet'
  /** @type {{ esbuild: string, inputs: Record<string, string> }} */
  let info
  try {
    info = JSON.parse(fs.readFileSync(INFO_FILE, 'utf8'))
  } catch {
    return 'no build info'
  }
  if (info.esbuild !== esbuildVersion()) return 'esbuild changed'
  for (const [rel, fp] of Object.entries(info.inputs)) {
    if (fingerprint(rel) !== fp) return `${rel} changed`
  }
  return undefined
}

/**
 * Gives each bundled module the URL of its own source file wherever it reads import.meta.url, so
 * `new URL('./x', import.meta.url)`, `createRequire(import.meta.url)` and `path.dirname(...)`
 * resolve as they do under tsx. The URL is relative to the bundle, so the checkout may move.
 * @type {import('esbuild').Plugin}
 */
const sourceLocatedImportMeta = {
  name: 'source-located-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const text = await fs.promises.readFile(args.path, 'utf8')
      if (!text.includes('import.meta')) return undefined
      if (/\bimport\.meta\.(dirname|filename)\b/.test(text)) {
        throw new Error(`${path.relative(ROOT, args.path)}: use import.meta.url (the bundle rewrites only that)`)
      }
      const rel = path.relative(OUT_DIR, args.path).split(path.sep).join('/')
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`
      return { contents: text.replace(/\bimport\.meta\.url\b/g, url), loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

export async function build() {
  const esbuild = await import('esbuild')
  const started = performance.now()
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: OUT_FILE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // node_modules load at run time; #src/* and #locales/* are bundled
    sourcemap: 'linked',
    // JSX settings (react-jsx, jsxImportSource preact) come from tsconfig.json.
    plugins: [sourceLocatedImportMeta],
    metafile: true,
    logLevel: 'warning',
  })
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')), ...EXTRA_INPUTS].map((rel) => [rel, fingerprint(rel)]),
  )
  fs.writeFileSync(INFO_FILE, JSON.stringify({ esbuild: esbuildVersion(), builtAt: new Date().toISOString(), inputs }, null, 2) + '\n')
  return { ms: Math.round(performance.now() - started), modules: Object.keys(inputs).length }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale')
  const reason = ifStale ? staleReason() : 'requested'
  if (reason) {
    try {
      const { ms, modules } = await build()
      process.stderr.write(`built dist/server.mjs (${modules} files, ${ms} ms; ${reason})\n`)
    } catch (e) {
      process.stderr.write(`\nAMRAC could not be built:\n${e instanceof Error ? e.message : String(e)}\n\n`)
      process.exit(1)
    }
  }
}
