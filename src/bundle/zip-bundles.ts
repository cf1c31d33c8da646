import type { BundleWriter } from '../app/deps.js';
import { verifyBundle } from './verify-bundle.js';
import { writeBundle } from './write-bundle.js';

/** Bundles as zip files on disk. Loading this module does not load archiver; writing does. */
export const zipBundles: BundleWriter = { write: writeBundle, verify: verifyBundle };
