/**
 * A Prompter that answers from a script keyed by question name. It runs each question's
 * `validate` and `filter` like inquirer does, and fails on any question it has no answer for —
 * so a test also proves which questions the wizard asked, and in what order.
 */
import type {
  ConfirmQuestion,
  InputQuestion,
  Prompter,
  SelectQuestion,
  TextQuestion,
} from '../../src/cli/wizard/prompter.js';

export type Answer = string | boolean | readonly string[];

export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  /** What each question said to the person, by question name (the last time it was asked). */
  readonly messages: Record<string, string> = {};
  /** Validation messages shown for rejected answers, by question name. */
  readonly rejected: Record<string, string[]> = {};
  private readonly script: Map<string, Answer[]>;

  /** An array answer is a sequence: rejected entries first, then the accepted one. */
  constructor(script: Record<string, Answer>) {
    this.script = new Map(
      Object.entries(script).map(([name, answer]) => [
        name,
        Array.isArray(answer) ? [...(answer as string[])] : [answer as string | boolean],
      ]),
    );
  }

  private next({ name, message }: { name: string; message: string }): Answer {
    this.asked.push(name);
    this.messages[name] = message;
    const answers = this.script.get(name);
    const answer = answers?.shift();
    if (answer === undefined) throw new Error(`The wizard asked "${name}", which the script does not answer.`);
    return answer;
  }

  async input<T>(question: InputQuestion<T>): Promise<T> {
    for (;;) {
      const raw = this.next(question);
      if (typeof raw !== 'string') throw new Error(`Answer for "${question.name}" must be a string.`);
      const input = raw === '' && question.default !== undefined ? question.default : raw;
      const verdict = question.validate ? await question.validate(input) : true;
      if (verdict === true) return question.filter(input);
      (this.rejected[question.name] ??= []).push(verdict);
      if ((this.script.get(question.name)?.length ?? 0) === 0) {
        throw new Error(`Answer ${JSON.stringify(raw)} for "${question.name}" was rejected: ${verdict}`);
      }
    }
  }

  /** A multi-line answer: the script's string as typed, line breaks and all. */
  async text<T>(question: TextQuestion<T>): Promise<T> {
    return this.input({ ...question, type: 'input' });
  }

  select<T extends string>(question: SelectQuestion<T>): Promise<T> {
    const answer = this.next(question);
    const choice = question.choices.find((c) => c.value === answer);
    if (!choice) throw new Error(`"${String(answer)}" is not a choice of "${question.name}".`);
    return Promise.resolve(choice.value);
  }

  confirm(question: ConfirmQuestion): Promise<boolean> {
    const answer = this.next(question);
    if (typeof answer !== 'boolean') throw new Error(`Answer for "${question.name}" must be a boolean.`);
    return Promise.resolve(answer);
  }

  /** Script entries the wizard never asked for: a test should answer only what is asked. */
  unused(): string[] {
    return [...this.script.entries()].filter(([, answers]) => answers.length > 0).map(([name]) => name);
  }
}
