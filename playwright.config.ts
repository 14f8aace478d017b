/**
 * Browser suite (house style R25): tests/e2e/<audience>.<journey>.spec.ts, axe on every page,
 * every journey run twice — project `js-on` and project `js-off` (JavaScript disabled).
 *
 * How the browser is found — nothing is ever downloaded (never run `npx playwright install`):
 *   1. `CHROMIUM_PATH` if set (e.g. Debian's `/usr/bin/chromium`, the fallback in stack.md §3);
 *   2. otherwise `await chromium.executablePath()` from the npm package @sparticuz/chromium 147,
 *      which unpacks the Chromium inside node_modules to `<os.tmpdir()>/chromium` on first use
 *      (~3 s, ~200 MB) and reuses that file afterwards. If a run was killed mid-unpack, delete
 *      `<tmpdir>/chromium` and run again.
 * The path is resolved with top-level await below (this file is ESM: package.json has
 * "type": "module"); Playwright evaluates the config in the runner and again in each worker, and
 * only the runner's first evaluation unpacks. Playwright's own browser registry is never used
 * because every project passes `launchOptions.executablePath`.
 *
 * The app is started by `webServer` (tests/e2e/support/web-server.ts runs src/server/main.ts on a
 * fresh temporary DATA_DIR, deleted on exit) on 127.0.0.1:3210 (`E2E_PORT` overrides), and is
 * ready when /readyz answers 200. Specs import `test`/`expect` from tests/e2e/support/fixtures.ts.
 */
import { defineConfig } from '@playwright/test'
import chromium from '@sparticuz/chromium'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://127.0.0.1:${port}`
const isCI = !!process.env.CI

const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath())

/**
 * @sparticuz/chromium's `args` are tuned for AWS Lambda. We keep the harmless ones and drop:
 * the security-weakening flags (a test must see the same-origin rules and CSP a user gets),
 * `--single-process` (unsupported for several contexts; multi-process works on Debian),
 * `--headless=…` (Playwright adds `--headless`), its `--disable-features`/`--enable-features`
 * (they would replace Playwright's own lists), and the GPU/SwiftShader set (we pass --disable-gpu).
 */
const DROPPED_SPARTICUZ_ARGS = [
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--single-process$/,
  /^--headless/,
  /^--(disable|enable)-features=/,
  /^--(use-gl|use-angle)=/,
  /^--(enable-unsafe-swiftshader|ignore-gpu-blocklist|in-process-gpu)$/,
]
const sparticuzArgs = process.env.CHROMIUM_PATH ? [] : chromium.args.filter((a) => !DROPPED_SPARTICUZ_ARGS.some((re) => re.test(a)))

/** stack.md §4.3: no background traffic of any kind, headless, no sandbox (containers), no GPU, no QUIC. */
const args = [
  ...new Set([
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    ...sparticuzArgs,
  ]),
]

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  workers: 2,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./tests/e2e/support/summary-reporter.ts', { outputFile: 'reports/e2e/summary.txt' }]],
  use: {
    baseURL,
    headless: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args },
  },
  projects: [
    { name: 'js-on', use: { javaScriptEnabled: true } },
    // Specs named *.js-only.spec.ts test enhancements that need JavaScript; they do not run here.
    { name: 'js-off', use: { javaScriptEnabled: false }, testIgnore: '**/*.js-only.spec.ts' },
  ],
  webServer: {
    command: 'node --import tsx tests/e2e/support/web-server.ts',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 90_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // LOG_LEVEL=warn: only warnings and errors (e.g. the stack behind a 500) reach the test output.
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: baseURL,
      LOG_LEVEL: 'warn',
      // Always the embedded database on a fresh directory, even when CI exports DATABASE_URL.
      DATABASE_URL: '',
    },
  },
})
