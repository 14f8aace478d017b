/** Wiring: the dependencies passed to use cases (house style R3). Built once in main.ts or tests. */
import type { DatabaseHandle } from '#src/db/client.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'

export type AppDeps = {
  config: Config
  database: DatabaseHandle
  clock: Clock
}
