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

/** Text over several lines (a description): written in the user's editor, or typed or pasted. */
export interface TextQuestion<T> extends BaseQuestion {
  type: 'text';
  default?: string;
  validate?: (input: string) => true | string;
  filter: (input: string) => T;
}

export interface Prompter {
  input<T>(question: InputQuestion<T>): Promise<T>;
  text<T>(question: TextQuestion<T>): Promise<T>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface PrompterOptions {
  /** `$VISUAL`, else `$EDITOR`: multi-line answers are written there when one is set. */
  editor: string | undefined;
}

/** The real prompter. Inquirer is imported on first use: it costs ~70 ms at start-up. */
export function createInquirerPrompter(
  streams: PromptStreams,
  options: PrompterOptions = { editor: undefined },
): Prompter {
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
    async text(question) {
      for (;;) {
        let answer: string;
        if (options.editor) {
          const { editor } = await load();
          answer = await cancellable(() =>
            editor(
              { message: question.message, default: question.default, validate: question.validate, postfix: '.txt' },
              streams,
            ),
          );
        } else {
          answer = await readLines(streams, question.message, question.default);
        }
        const verdict = question.validate ? question.validate(answer) : true;
        if (verdict === true) return question.filter(answer);
        streams.output.write(`> ${verdict}\n`);
      }
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

/**
 * Lines typed or pasted until a lone `.`: inquirer's `input` ends at the first line break, so a
 * pasted paragraph would lose its other lines. A lone `.` on the first line keeps the default.
 */
async function readLines(streams: PromptStreams, message: string, fallback: string | undefined): Promise<string> {
  const { createInterface } = await import('node:readline');
  const input = streams.input as NodeJS.ReadableStream & { isTTY?: boolean };
  const rl = createInterface({ input, output: streams.output, terminal: input.isTTY === true, prompt: '  ' });
  streams.output.write(
    `? ${message}\n  (type or paste it; end with a line holding only "."${fallback === undefined ? '' : '; "." alone keeps it as it is'})\n`,
  );
  const lines: string[] = [];
  let done = false;
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.on('line', (line) => {
        // What is typed after the "." belongs to the next question (Node.js 24 may still hand it
        // to this interface while it closes): never prompt again.
        if (done) return;
        if (line.trim() === '.') {
          done = true;
          resolve(lines.length === 0 && fallback !== undefined ? fallback : lines.join('\n'));
          return;
        }
        lines.push(line);
        rl.prompt();
      });
      rl.on('SIGINT', () => reject(new CancelledError()));
      // Ctrl-D (end of input) ends the text as a lone "." would.
      rl.on('close', () => resolve(lines.join('\n')));
      rl.prompt();
    });
  } finally {
    done = true;
    rl.removeAllListeners('close');
    rl.removeAllListeners('line');
    rl.close();
  }
}
