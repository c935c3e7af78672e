/** The smallest thing that runs SQL: what pg-boss's `db` option and our raw helpers need. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}
