/** Helpers the cases share: quoting for shell command lines and the row strings of the table. */

/** Quotes a word for a POSIX shell (and for hyperfine's own splitting without a shell). */
export function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${String(word).replaceAll("'", "'\\''")}'`;
}

/** `node -e "": 71 ms` */
export function timing(label, result) {
  return `${label}: ${result.median.toFixed(0)} ms`;
}

/**
 * A table row comparing `subject` with `baseline` (results of ctx.hyperfine). `empty`, the run of
 * `node -e ""` timed with them, adds the subject's ratio to an empty Node.js as a second column.
 */
export function row(name, baselineLabel, baseline, subjectLabel, subject, target, note = null, empty = null) {
  return {
    name,
    baseline: timing(baselineLabel, baseline),
    subject: timing(subjectLabel, subject),
    ratio: subject.median / baseline.median,
    target,
    note,
    ...(empty ? { nodeRatio: subject.median / empty.median } : {}),
    cpuRatio: subject.cpu / baseline.cpu,
  };
}
