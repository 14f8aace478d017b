/**
 * A line-based summary for CI logs and scripts, next to the `list` reporter: one line per test
 * (`ok`/`not ok`/`flaky`/`skip`, project, title, duration) and counts per project, written to
 * `outputFile` (default reports/e2e/summary.txt) and the counts echoed to stdout as `# e2e …` lines.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter'

type Counts = { pass: number; fail: number; flaky: number; skipped: number }

export default class SummaryReporter implements Reporter {
  private root: Suite | undefined
  private readonly outputFile: string

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? 'reports/e2e/summary.txt'
  }

  printsToStdio() {
    return false
  }

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite
  }

  onEnd(result: FullResult) {
    const tests: TestCase[] = this.root?.allTests() ?? []
    const perProject = new Map<string, Counts>()
    const lines: string[] = []
    for (const t of tests) {
      const project = t.parent.project()?.name ?? '(none)'
      const counts = perProject.get(project) ?? { pass: 0, fail: 0, flaky: 0, skipped: 0 }
      perProject.set(project, counts)
      const outcome = t.outcome()
      const ms = t.results.reduce((sum, r) => sum + r.duration, 0)
      const title = t.titlePath().filter(Boolean).slice(1).join(' › ')
      const word = { expected: 'ok', unexpected: 'not ok', flaky: 'flaky', skipped: 'skip' }[outcome]
      if (outcome === 'expected') counts.pass++
      else if (outcome === 'unexpected') counts.fail++
      else if (outcome === 'flaky') counts.flaky++
      else counts.skipped++
      lines.push(`${word} [${project}] ${title} (${ms} ms)`)
    }
    const summary: string[] = []
    const total: Counts = { pass: 0, fail: 0, flaky: 0, skipped: 0 }
    for (const [project, c] of [...perProject].sort(([a], [b]) => a.localeCompare(b))) {
      summary.push(`# e2e ${project}: pass ${c.pass} fail ${c.fail} flaky ${c.flaky} skipped ${c.skipped}`)
      for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k]
    }
    summary.push(`# e2e total: pass ${total.pass} fail ${total.fail} flaky ${total.flaky} skipped ${total.skipped}`)
    summary.push(`# e2e status: ${result.status} in ${Math.round(result.duration)} ms`)
    fs.mkdirSync(path.dirname(this.outputFile), { recursive: true })
    fs.writeFileSync(this.outputFile, [...lines, ...summary, ''].join('\n'))
    process.stdout.write(`${summary.join('\n')}\n`)
  }
}
