import type { Command } from 'commander';
import { claimDocument } from '../../app/formats/claim-json.js';
import { createClaim } from '../../app/create-claim.js';
import { renderTicket } from '../../app/formats/ticket-view.js';
import { formatClaimId } from '../../domain/claim.js';
import type { CommandContext } from '../context.js';
import { checkOutputPath, refuseStdout, writeTextFile } from '../files.js';
import { addNewClaimOptions, evidenceFromFlags, fieldsWithoutTerminal, readGivenFields } from '../new-claim-flags.js';
import type { NewOptions } from '../new-claim-flags.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatSaved } from '../output/new-claim.js';
import { runNewClaimWizard } from '../wizard/new-claim-wizard.js';
import { wizardServices } from '../wizard/wizard-services.js';

export function defineNew(command: Command, context: CommandContext): void {
  addNewClaimOptions(command)
    .addHelpText(
      'after',
      examples(
        'refund-claim new',
        'refund-claim new --no-input --reason incorrect-charge --advertiser-id 7012345678901 --account-name "Acme Shoes" \\\n      --email ads@acme.test --promotion-id 1790000001 --charged 500 --expected 300 \\\n      --description "Billed twice for the 3 Nov budget increase" --receipt invoice.pdf',
        'refund-claim new --channel creator --reason creator-no-delivery --creator @studio.name --json',
      ),
    )
    .action(async (options: NewOptions) => runNew(context, options));
}

async function runNew(context: CommandContext, options: NewOptions): Promise<void> {
  refuseStdout(
    '--out',
    options.out,
    'new prints the claim ID on standard output, so the ticket draft cannot go there too.',
    'Give a file name, or print the draft afterwards with refund-claim ticket <id>.',
  );
  if (options.out !== undefined) await checkOutputPath('--out', options.out, context.dataDir, { stdout: false });
  const given = await readGivenFields(context, options);
  const givenEvidence = evidenceFromFlags(options);
  const yes = options.yes === true;
  const { fields, evidence, allowDuplicate } = context.canPrompt(options.input)
    ? await runNewClaimWizard(await wizardServices(context), given, givenEvidence, {
        yes,
        allowDuplicate: options.allowDuplicate === true,
      })
    : {
        fields: await fieldsWithoutTerminal(context, given, yes),
        evidence: givenEvidence,
        allowDuplicate: options.allowDuplicate === true,
      };

  const { claim, skipped } = await createClaim(await context.useCaseDeps(), { fields, evidence, allowDuplicate });
  if (options.out !== undefined) {
    const ticket = renderTicket(await context.adapters.templates(), claim);
    await writeTextFile('--out', options.out, ticket, context.dataDir, { stdout: false });
  }
  context.out(options.json ? formatJson(claimDocument(claim, context.today())) : formatClaimId(claim.id));
  context.err(
    formatSaved(claim, skipped, context.today(), {
      out: options.out,
      storedIn: context.storedIn,
      run: await context.howToRun(),
    }),
  );
}
