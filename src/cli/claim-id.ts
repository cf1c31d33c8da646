/**
 * The one place a command's `<id>` becomes the claim it works on. Its own module, loaded by the
 * commands that take an ID, so that `--help` and the commands without one load no use case.
 */
import type { ClaimStore } from '../app/deps.js';
import { resolveClaimId } from '../app/load-claim.js';
import type { CommandContext } from './context.js';

/**
 * The claim `id` means: its own, else the claim that had it before an import renumbered it; what
 * the user should know about that goes to stderr. Every command that takes a claim ID passes it
 * through here (with the store it already opened, if any).
 */
export async function claimIdOf(context: CommandContext, id: number, store?: ClaimStore): Promise<number> {
  const resolved = await resolveClaimId(store ?? (await context.adapters.store()), id);
  if (resolved.note !== null) context.err(resolved.note);
  return resolved.id;
}
