/** What the `new` wizard reaches through the command's context: the store, the files, the preview. */
import { homedir } from 'node:os';
import { previewClaim } from '../../app/preview-claim.js';
import type { CommandContext } from '../context.js';
import { formatPreview } from '../output/new-claim.js';
import type { WizardServices } from './new-claim-wizard.js';

export async function wizardServices(context: CommandContext): Promise<WizardServices> {
  const store = await context.adapters.store();
  const evidenceStore = await context.adapters.evidence();
  return {
    prompter: context.prompter(),
    now: context.now(),
    home: homedir(),
    findAccount: (query) => store.findAccount(query),
    findOpenDuplicates: (...args) => store.findOpenDuplicates(...args),
    inspect: async (path) => (await evidenceStore.inspect(path)).mime,
    preview: async (fields, files, { changeable }) => {
      const deps = { ...(await context.useCaseDeps()), templates: await context.adapters.templates() };
      const { claim, findings, ticket } = await previewClaim(deps, fields, files);
      context.err(formatPreview(claim, findings, ticket, context.color, { changeable }));
    },
    say: (text) => context.err(text),
  };
}
