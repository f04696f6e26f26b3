export { startEmbeddedPostgres, type LocalPostgres, type LocalPostgresOptions } from './embedded-postgres';
export { ensureDatabase } from './ensure-database';
export { ensureTemporalBinary } from './temporal-binary';
