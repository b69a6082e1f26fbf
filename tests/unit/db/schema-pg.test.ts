/**
 * The Postgres schema declares what the SQLite one does, table by table (no database needed).
 * Row TYPES are checked by the compiler in src/db/schema-types.ts (and below with
 * expectTypeOf, which `npm test`'s tsc step enforces); this checks the declarations at run
 * time: the same properties with the same column names, nullability, defaults and keys.
 * tests/integration/schema-equivalence.test.ts compares the migrated databases themselves.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { getTableColumns } from 'drizzle-orm';
import * as sqlite from '../../../src/db/schema.js';
import * as pg from '../../../src/db/schema-pg.js';
import { SCHEMA_ROW_TYPES_MATCH, SHARED_TABLES } from '../../../src/db/schema-types.js';

describe('Postgres schema declarations', () => {
  it('has the same tables as the SQLite schema, and nothing else', () => {
    const tableNames = (mod: Record<string, unknown>) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value)
        .map(([key]) => key)
        .sort();
    expect(tableNames(pg)).toEqual(tableNames(sqlite));
    expect([...SHARED_TABLES].sort()).toEqual(tableNames(sqlite));
    expect(Object.keys(SCHEMA_ROW_TYPES_MATCH).sort()).toEqual(tableNames(sqlite));
  });

  it.each(SHARED_TABLES)('%s: same columns, names, nullability, defaults and primary key', (table) => {
    const describeColumns = (columns: Record<string, { name: string; notNull: boolean; hasDefault: boolean; primary: boolean }>) =>
      Object.fromEntries(
        Object.entries(columns).map(([key, c]) => [key, { name: c.name, notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary }]),
      );
    expect(describeColumns(getTableColumns(pg[table]))).toEqual(describeColumns(getTableColumns(sqlite[table])));
    expect(pgTableConfig(pg[table]).name).toBe(sqliteTableConfig(sqlite[table]).name);
  });

  it('reads rows of the same TypeScript types (checked by tsc)', () => {
    expectTypeOf<typeof pg.messages.$inferSelect>().toEqualTypeOf<typeof sqlite.messages.$inferSelect>();
    expectTypeOf<typeof pg.interviewSessions.$inferSelect>().toEqualTypeOf<typeof sqlite.interviewSessions.$inferSelect>();
    expectTypeOf<typeof pg.feedback.$inferInsert>().toEqualTypeOf<typeof sqlite.feedback.$inferInsert>();
    expectTypeOf<typeof pg.users.$inferSelect.createdAt>().toEqualTypeOf<Date>();
    expectTypeOf<typeof pg.interviewSessions.$inferSelect.cvTruncated>().toEqualTypeOf<boolean>();
    expect(Object.values(SCHEMA_ROW_TYPES_MATCH).every((match) => match === true)).toBe(true);
  });
});
