export { startEmbeddedPostgres, type LocalPostgres, type LocalPostgresOptions } from './embedded-postgres';
export { ensureDatabase } from './ensure-database';
export { ensurePinnedTemporalBinary, ensureTemporalBinary } from './temporal-binary';
export { DEV_SERVER_SQLITE_PRAGMAS, sqlitePragmaArgs } from './dev-server-persistence';
export { DEV_SERVER_DYNAMIC_CONFIG, dynamicConfigArgs } from './dev-server-dynamic-config';
