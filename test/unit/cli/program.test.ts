import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/cli/context.js';
import { COMMANDS } from '../../../src/cli/program.js';

describe('the command table', () => {
  // `--help` lists commands from the table without loading them; it must say what they declare.
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    'lists %s as its module declares it',
    async (_, entry) => {
      const command = new Command(entry.name);
      (await entry.load())(command, {} as CommandContext);
      expect(new Help().subcommandTerm(command)).toBe(entry.term);
      expect(command.description()).toBe('');
    },
  );
});
