/**
 * JSON for scripts: two-space indented, one trailing newline. JSON.stringify writes C0 controls
 * as \u001b; DEL, C1 controls, the line separators and the bidi controls it leaves raw, and
 * they would reach a terminal (`show --json`): they are written as \u escapes too, which
 * every JSON reader turns back into the same text.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function formatJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}
