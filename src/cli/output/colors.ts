/**
 * The styles the output uses. A chalk instance is one; `PLAIN` is the one for pipes, files,
 * `--no-color`, `NO_COLOR` and `TERM=dumb`, so that cron's `status` never loads chalk.
 */
export interface Colors {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const same = (text: string): string => text;

export const PLAIN: Colors = { bold: same, red: same, yellow: same };
