import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { NO_DATABASE_ENV, UnitTestOpenedDatabaseError } from './template.ts'

/**
 * Setup file of the `unit` project: no database was prepared for it, so a unit test that opens
 * one (through a test runtime, or an engine directly) fails at once and says why.
 */
function refuse(): never {
  throw new UnitTestOpenedDatabaseError()
}

process.env[NO_DATABASE_ENV] = '1'
PGlite.create = refuse
pg.Client.prototype.connect = refuse
