/**
 * Statements on the hottest paths (every signed-in page reads the session and the user; the
 * questionnaire pages read the cycle, the assessment, its answers, attachments and deadline), built
 * once per database and sent as named prepared statements: drizzle does not rebuild the SQL on every
 * request, and PostgreSQL parses and plans each once per connection instead of once per query
 * (docs/decisions/0010, issue 4's part ง bench). Values go in through sql.placeholder, so they are
 * bound parameters as always.
 *
 * Inside a transaction the statement is built on the transaction each time (a statement prepared on
 * the pool cannot run on a transaction's connection); the result is the same.
 */
import type { Db, DbOrTx } from './client.ts'

type Executable<P, R> = { execute(params: P): Promise<R> }

const isTransaction = (db: DbOrTx) => 'rollback' in db

export function preparedQuery<P extends Record<string, unknown>, R>(build: (db: DbOrTx) => Executable<P, R>): (db: DbOrTx, params: P) => Promise<R> {
  const cache = new WeakMap<Db, Executable<P, R>>()
  return (db, params) => {
    if (isTransaction(db)) return build(db).execute(params)
    let q = cache.get(db as Db)
    if (!q) cache.set(db as Db, (q = build(db)))
    return q.execute(params)
  }
}
