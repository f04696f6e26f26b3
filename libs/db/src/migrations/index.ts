import { CreateCallProjections1764000000000 } from './1764000000000-create-call-projections';

/** Every migration, oldest first; add new ones at the end. */
export const MIGRATIONS = [CreateCallProjections1764000000000];
