/**
 * The result of reading one user input. Pure parsers return this instead of throwing, so the
 * wizard can show `error` next to the prompt and the command line can name the flag.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
