import type { Readable } from 'node:stream';
import type {
  EvidenceContent,
  EvidenceStore,
  InspectedFile,
  IntegrityState,
  StoredContent,
  StoredFile,
} from '../app/deps.js';
import { importUserFile, inspectUserFile } from './user-file.js';

/**
 * An evidence store over any store of bytes (the team database's chunked rows): users' files are
 * checked and streamed in exactly as into the folder store; where the bytes go is the content's.
 */
export class ContentEvidenceStore implements EvidenceStore {
  constructor(private readonly content: EvidenceContent) {}

  inspect(path: string): Promise<InspectedFile> {
    return inspectUserFile(path);
  }

  importFile(file: InspectedFile): Promise<StoredFile> {
    return importUserFile(this, file);
  }

  put(source: Readable): Promise<StoredContent> {
    return this.content.put(source);
  }

  open(sha256: string): Promise<Readable | null> {
    return this.content.open(sha256);
  }

  size(sha256: string): Promise<number | null> {
    return this.content.size(sha256);
  }

  verify(sha256: string): Promise<IntegrityState> {
    return this.content.verify(sha256);
  }

  describe(sha256: string): string {
    return this.content.describe(sha256);
  }
}
