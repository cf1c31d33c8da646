/**
 * The benchmark harness: `npm run bench [-- [--json] [--runs <n>] [--keep] [case…]]`.
 *
 * Every module in bench/cases/ is a case: `export async function run(ctx)` returning rows
 * `{ name, baseline, subject, ratio, target, note, nodeRatio }`. `baseline` and `subject` are human
 * strings (`node -e "": 71 ms`), `ratio` is subject ÷ baseline measured side by side in the same
 * run (so a noisy machine does not change the verdict), `target` is the ratio to stay under, or
 * null when the ratio is only reported; `nodeRatio`, when the baseline is a floor, is the subject
 * ÷ `node -e ""` timed in the same run; `cpuRatio` is the ratio of CPU time (user + system).
 *
 * `ctx` is:
 *   bin        absolute path of bin/refund-claim.js (run `npm run build` first; `npm run bench` does)
 *   workDir    a fresh empty directory for this case, removed afterwards unless --keep
 *   log(text)  a progress line on stderr
 *   hyperfine(commands, opts)
 *              times shell commands; see `hyperfine` below. Synchronous: awaiting it works too.
 *
 * Case names are the file names without `.js`; name some on the command line to run only those.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'refund-claim.js');
const CASES_DIR = join(ROOT, 'bench', 'cases');

function usage() {
  return 'usage: npm run bench -- [--json] [--runs <n>] [--keep] [--strict] [--no-hyperfine] [case…]';
}

function parseArgs(argv) {
  const options = { help: false, hyperfine: true, json: false, keep: false, runs: 30, strict: false, cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--no-hyperfine') options.hyperfine = false;
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${usage()}`);
    else options.cases.push(arg);
  }
  if (!Number.isInteger(options.runs) || options.runs < 3) throw new Error('--runs takes a whole number ≥ 3');
  return options;
}

const log = (text) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// Timing

/** hyperfine's version, or null to time with the fallback. */
function findHyperfine() {
  const probe = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** Shell syntax (pipes, `&&`, redirections, globs, variables) means a command needs a shell. */
const needsShell = (command) => /[|&;<>()$`*?\\]/.test(command) || /^\s*\w+=/.test(command);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarise(name, command, times, cpu = []) {
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  const stddev = Math.sqrt(times.reduce((sum, t) => sum + (t - mean) ** 2, 0) / Math.max(1, times.length - 1));
  return {
    name,
    command,
    median: median(times),
    mean,
    min: Math.min(...times),
    max: Math.max(...times),
    stddev,
    // Mean CPU time (user + system) of a run, from hyperfine: less swayed than wall time by
    // other processes on a busy machine. NaN with the built-in timer.
    cpu: cpu.length > 0 ? cpu.reduce((sum, c) => sum + c, 0) / cpu.length : NaN,
    runs: times.length,
    times,
  };
}

/**
 * Times each command and returns, in the same order, `{ name, command, median, mean, min, max,
 * stddev, runs, times }` with durations in milliseconds.
 *
 * `commands`: strings, or `{ name, command }` objects. `opts`: `runs` (timed runs per command,
 * default 30 or --runs), `warmup` (3), `prepare` (a shell command run before every timed run,
 * untimed), `env` (added to the environment), `cwd`.
 *
 * The runs are split into rounds that alternate the order of the commands, so that a machine
 * that slows down or speeds up during the run affects baseline and subject alike. With hyperfine
 * each round is one `hyperfine --export-json` call (without a shell unless a command or
 * `prepare` needs one); without it, a plain fallback runs the commands round-robin.
 */
function makeHyperfine(defaults, hyperfineVersion) {
  return function hyperfine(commands, opts = {}) {
    const list = (Array.isArray(commands) ? commands : [commands]).map((item) =>
      typeof item === 'string'
        ? { name: item, command: item }
        : { name: item.name ?? item.command, command: item.command },
    );
    const runs = opts.runs ?? defaults.runs;
    const warmup = opts.warmup ?? 3;
    const rounds = Math.max(1, Math.min(opts.rounds ?? 3, Math.floor(runs / 5)));
    // An `env` entry set to undefined removes that variable.
    const env = Object.fromEntries(
      Object.entries({ ...process.env, ...opts.env }).filter(([, value]) => value !== undefined),
    );
    const cwd = opts.cwd ?? process.cwd();
    const shell = opts.prepare !== undefined || list.some((item) => needsShell(item.command));
    const times = list.map(() => []);
    const cpu = list.map(() => []);

    for (let round = 0; round < rounds; round++) {
      const perRound = Math.floor(runs / rounds) + (round < runs % rounds ? 1 : 0);
      // Alternate the order: even rounds baseline first, odd rounds subject first.
      const order = list.map((_, index) => index);
      if (round % 2 === 1) order.reverse();
      if (hyperfineVersion) {
        const exportFile = join(tmpdir(), `refund-claim-bench-${process.pid}-${round}.json`);
        const args = [
          '--style',
          'none',
          '--export-json',
          exportFile,
          '--runs',
          String(perRound),
          '--warmup',
          String(warmup),
        ];
        if (!shell) args.push('-N');
        if (opts.prepare !== undefined) args.push('--prepare', opts.prepare);
        for (const index of order) args.push('--command-name', list[index].name, list[index].command);
        const result = spawnSync('hyperfine', args, {
          env,
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderr.trim()}`);
        const { results } = JSON.parse(readFileSync(exportFile, 'utf8'));
        rmSync(exportFile, { force: true });
        results.forEach((result, position) => {
          const failed = (result.exit_codes ?? []).find((code) => code !== 0);
          if (failed !== undefined) throw new Error(`${list[order[position]].command} exited with ${failed}`);
          times[order[position]].push(...result.times.map((seconds) => seconds * 1000));
          cpu[order[position]].push((result.user + result.system) * 1000);
        });
      } else {
        const once = (index) => {
          if (opts.prepare !== undefined) spawnSync(opts.prepare, { shell: true, env, cwd, stdio: 'ignore' });
          const started = process.hrtime.bigint();
          const child = spawnSync(list[index].command, { shell: true, env, cwd, stdio: 'ignore' });
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          if (child.status !== 0) throw new Error(`${list[index].command} exited with ${child.status}`);
          return elapsed;
        };
        for (let w = 0; w < warmup; w++) order.forEach(once);
        for (let run = 0; run < perRound; run++) for (const index of order) times[index].push(once(index));
      }
    }
    return list.map((item, index) => summarise(item.name, item.command, times[index], cpu[index]));
  };
}

// ---------------------------------------------------------------------------------------------
// Table

function verdictOf(row) {
  if (row.error) return '✗';
  if (row.target === null || row.target === undefined || !Number.isFinite(row.ratio)) return '—';
  return row.ratio <= row.target ? '✓' : '✗';
}

function formatTable(rows) {
  const header = ['case', 'baseline', 'subject', 'ratio', 'target', 'verdict', 'ratio to node -e ""', 'CPU ratio'];
  const times = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');
  const cells = rows.map((row) => [
    row.name,
    row.baseline ?? '',
    row.subject ?? '',
    times(row.ratio),
    row.target === null || row.target === undefined ? '—' : `≤ ${row.target}×`,
    verdictOf(row),
    times(row.nodeRatio),
    times(row.cpuRatio),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => [...line[column]].length)),
  );
  const line = (values) =>
    `| ${values.map((value, column) => value + ' '.repeat(widths[column] - [...value].length)).join(' | ')} |`;
  const notes = rows.filter((row) => row.note || row.error).map((row) => `- ${row.name}: ${row.error ?? row.note}`);
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...cells.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(
      [
        usage(),
        '',
        '  --json     print the rows as JSON on stdout',
        '  --runs n   timed runs per command when a case does not say (30)',
        '  --keep     keep the work directories',
        '  --strict   exit 1 when a target is missed',
        '  --no-hyperfine  time with the built-in fallback even where hyperfine is installed',
      ].join('\n'),
    );
    return;
  }
  const available = readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.slice(0, -3))
    .sort();
  const unknown = options.cases.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; cases: ${available.join(', ')}`);
  const selected = options.cases.length > 0 ? available.filter((name) => options.cases.includes(name)) : available;

  const started = performance.now();
  const base = mkdtempSync(join(tmpdir(), 'refund-claim-bench-'));
  const timer = options.hyperfine ? findHyperfine() : null;
  const hyperfine = makeHyperfine({ runs: options.runs }, timer);
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    timer: timer ?? `built-in timer (${options.hyperfine ? 'hyperfine not found' : '--no-hyperfine'})`,
  };
  log(`refund-claim bench: node ${machine.node}, ${machine.cpus} cores (${machine.cpu}), ${machine.timer}`);

  const rows = [];
  for (const name of selected) {
    const workDir = join(base, name);
    mkdirSync(workDir);
    const caseStarted = performance.now();
    log(`\n[${name}]`);
    try {
      const module = await import(pathToFileURL(join(CASES_DIR, `${name}.js`)).href);
      const caseRows = await module.run({ bin: BIN, workDir, log: (text) => log(`  ${text}`), hyperfine });
      rows.push(...caseRows);
    } catch (error) {
      rows.push({ name, baseline: '', subject: '', ratio: NaN, target: null, error: `failed: ${error.message}` });
      log(`  failed: ${error.stack ?? error}`);
    }
    log(`  (${((performance.now() - caseStarted) / 1000).toFixed(1)} s)`);
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
  if (!options.keep) rmSync(base, { recursive: true, force: true });
  else log(`\nwork directories kept in ${base}`);

  const seconds = (performance.now() - started) / 1000;
  const withVerdicts = rows.map((row) => ({ ...row, verdict: verdictOf(row) }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ machine, seconds, rows: withVerdicts }, null, 2)}\n`);
  } else {
    process.stdout.write(
      [
        '',
        `node ${machine.node} on ${machine.platform}, ${machine.cpus} cores (${machine.cpu}); timed with ${machine.timer}`,
        '',
        formatTable(rows),
        '',
        `total ${seconds.toFixed(0)} s`,
        '',
      ].join('\n'),
    );
  }
  const crashed = rows.some((row) => row.error);
  const missed = withVerdicts.some((row) => row.verdict === '✗');
  process.exitCode = crashed || (options.strict && missed) ? 1 : 0;
}

main().catch((error) => {
  log(`bench: ${error.message}`);
  process.exitCode = 2;
});
