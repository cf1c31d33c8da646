import { initial } from './001-initial.js';
import type { PostgresMigration } from './migration.js';

/** Every migration of the team schema ever shipped, in order. Append only. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [initial];
