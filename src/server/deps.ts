/** Wiring: the dependencies passed to use cases (house style R3). Built once in main.ts or tests. */
import type { DatabaseHandle } from '#src/db/client.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import type { PdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'

export type AppDeps = {
  config: Config
  database: DatabaseHandle
  clock: Clock
  /** Prints HTML to PDF (one lazily launched Chromium per process); closed at shutdown. */
  pdf: PdfRenderer
  /** Uploaded files (local disk under DATA_DIR/files; src/documents). */
  files: FileStore
}
