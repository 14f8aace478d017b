import { defineConfig } from 'drizzle-kit'

// Only `drizzle-kit generate` is used: it writes SQL into src/db/migrations. The app applies them
// itself at start-up (never point `drizzle-kit migrate` at a running app's PGlite directory).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
})
