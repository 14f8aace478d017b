import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, test } from 'node:test'
import { announceToOtherProcesses } from './process-messages.ts'

describe('announcements between server processes', () => {
  test('a worker\'s announcement reaches the other worker through the primary, not the announcer itself', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/cluster/announce.ts'], { encoding: 'utf8', timeout: 60_000 })
    assert.equal(res.status, 0, res.stderr)
    assert.match(res.stdout, /worker 1 received questionnaire-published/)
    assert.doesNotMatch(res.stdout, /worker 0 received/)
  })

  test('outside a cluster announcing is a no-op (nobody else to tell)', () => {
    assert.doesNotThrow(() => announceToOtherProcesses('questionnaire-published'))
  })
})
