import type { Migration } from './migration.js';

/**
 * Who recorded each event, so that team mode later changes no output. Events recorded before
 * keep a null actor: nobody knows who it was. Additive only.
 */
export const eventActor: Migration = {
  version: 4,
  name: 'event-actor',
  up(db) {
    db.exec('ALTER TABLE events ADD COLUMN actor TEXT;');
  },
};
