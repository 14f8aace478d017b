// Entry of a rescoring thread (score-pool.ts). Plain JavaScript on purpose: a worker thread does not
// inherit the tsx loader of the process that starts it (Node 20), so it registers tsx itself and
// then loads the TypeScript scorer. tsx is a runtime dependency (package.json), also under npm start.
import { register } from 'tsx/esm/api'

register()
await import('./score-worker.ts')
