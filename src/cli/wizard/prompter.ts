/**
 * Questions are plain objects (np's style): what to ask, how to check the answer (`validate`)
 * and how to turn it into a value (`filter`). The wizard only talks to a `Prompter`, so tests
 * answer it from a script while people answer it through inquirer.
 */
import { CancelledError } from '../../domain/errors.js';

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

interface BaseQuestion {
  /** Stable key: scripted answers in tests are looked up by it. */
  name: string;
  message: string;
}

export interface InputQuestion<T> extends BaseQuestion {
  type: 'input';
  default?: string;
  /** `true`, or what is wrong with the input (shown under the prompt). */
  validate?: (input: string) => true | string | Promise<true | string>;
  /** Turns an accepted input into the answer; only called after `validate` passed. */
  filter: (input: string) => T;
}

export interface SelectQuestion<T extends string> extends BaseQuestion {
  type: 'select';
  choices: readonly (Choice & { value: T })[];
  default?: T;
}

export interface ConfirmQuestion extends BaseQuestion {
  type: 'confirm';
  default: boolean;
}

export interface Prompter {
  input<T>(question: InputQuestion<T>): Promise<T>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** The real prompter. Inquirer is imported on first use: it costs ~70 ms at start-up. */
export function createInquirerPrompter(streams: PromptStreams): Prompter {
  const load = async () => import('@inquirer/prompts');
  // Ctrl-C makes inquirer reject with ExitPromptError; that is the user cancelling.
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        throw new CancelledError();
      }
      throw error;
    }
  };
  return {
    async input(question) {
      const { input } = await load();
      const answer = await cancellable(() =>
        input({ message: question.message, default: question.default, validate: question.validate }, streams),
      );
      return question.filter(answer);
    },
    async select(question) {
      const { select } = await load();
      return cancellable(() =>
        select({ message: question.message, choices: question.choices, default: question.default }, streams),
      );
    },
    async confirm(question) {
      const { confirm } = await load();
      return cancellable(() => confirm({ message: question.message, default: question.default }, streams));
    },
  };
}
