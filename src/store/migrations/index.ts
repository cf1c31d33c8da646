import { initial } from './001-initial.js';
import type { Migration } from './migration.js';

/** Every migration ever shipped, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
