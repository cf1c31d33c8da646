/**
 * Every command that takes a claim ID resolves it in the one place (src/cli/claim-id.ts), so that
 * an old ID from before a renumbering import works everywhere: a new command that parses an ID
 * but skips the resolver fails here rather than quietly refusing the IDs tickets quote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const COMMANDS = fileURLToPath(new URL('../../../src/cli/commands/', import.meta.url));

describe('claim ID arguments', () => {
  const files = readdirSync(COMMANDS).filter((name) => name.endsWith('.ts'));
  const takingIds = files.filter((name) => /claimIdArgument|parseClaimId/.test(readFileSync(COMMANDS + name, 'utf8')));

  it('are taken by the commands that act on one claim', () => {
    expect(takingIds.length).toBeGreaterThanOrEqual(14);
  });

  it.each(takingIds)('%s resolves its claim ID through claimIdOf', (name) => {
    expect(readFileSync(COMMANDS + name, 'utf8')).toMatch(/claimIdOf\(context, /);
  });
});
