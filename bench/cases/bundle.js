/**
 * `refund-claim bundle` against Info-ZIP on the same evidence: 20 × 5 MB screenshots, 2 × 200 MB
 * screen recordings and 50 short messages (~500 MB), generated here. Info-ZIP stores the media
 * and deflates the text (`zip -r -n .png:.jpg:.mp4:.pdf`), which is what `bundle` does too.
 * Targets: wall time at most 1.25× Info-ZIP's, peak RSS under 128 MB.
 */
import { Buffer } from 'node:buffer';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';

const MB = 1_000_000;
const RUNS = 5;
const RSS_BUDGET_MB = 128;
const WALL_TARGET = 1.25;
const ZIP_SUFFIXES = '.png:.jpg:.mp4:.pdf';

export async function run(ctx) {
  const data = join(ctx.workDir, 'evidence');
  const home = join(ctx.workDir, 'home');
  const out = join(ctx.workDir, 'out');
  mkdirSync(data, { recursive: true });
  mkdirSync(out, { recursive: true });
  if (!has('zip')) {
    return [row('bundle: wall time', 'zip not installed', '-', NaN, WALL_TARGET, 'skipped')];
  }

  ctx.log('bundle: generating ~500 MB of evidence…');
  const files = generateEvidence(data);
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  ctx.log('bundle: creating the claim through the binary (copies the evidence into its store)…');
  createClaim(ctx.bin, home, files);

  const env = { ...process.env, REFUND_CLAIM_HOME: home, NO_COLOR: '1' };
  const zipTarget = join(out, 'info-zip.zip');
  const bundleTarget = join(out, 'refund-claim.zip');
  // Both write a fresh archive each run: zip into an existing one would update it instead.
  const zipCommand = `rm -f ${q(zipTarget)} && cd ${q(ctx.workDir)} && zip -q -r -n ${ZIP_SUFFIXES} ${q(zipTarget)} evidence`;
  const bundleCommand = `${q(process.execPath)} ${q(ctx.bin)} bundle 1 --force --out ${q(bundleTarget)}`;

  ctx.log(`bundle: timing ${RUNS} runs each…`);
  const times = has('hyperfine')
    ? hyperfine(ctx.workDir, env, { zip: zipCommand, bundle: bundleCommand })
    : timeRuns(env, { zip: zipCommand, bundle: bundleCommand });
  const zipRss = await peakRssMb(`zip -q -r -n ${ZIP_SUFFIXES} ${q(join(out, 'rss.zip'))} evidence`, ctx.workDir, env);
  rmSync(join(out, 'rss.zip'), { force: true });
  const bundleRss = await peakRssMb(bundleCommand, ctx.workDir, env);

  const set = `${files.length} files, ${(totalBytes / MB).toFixed(0)} MB: 20 × 5 MB PNG, 2 × 200 MB MP4, 50 text`;
  const ratio = times.bundle / times.zip;
  return [
    row(
      'bundle: wall time',
      `zip -r -n ${ZIP_SUFFIXES}: ${times.zip.toFixed(2)} s`,
      `refund-claim bundle: ${times.bundle.toFixed(2)} s`,
      round(ratio),
      WALL_TARGET,
      `${ratio <= WALL_TARGET ? 'meets' : 'MISSES'} target; median of ${RUNS} (${times.tool}); ${set}`,
    ),
    row(
      'bundle: peak RSS',
      `budget ${RSS_BUDGET_MB} MB (Info-ZIP: ${zipRss.toFixed(0)} MB)`,
      `refund-claim bundle: ${bundleRss.toFixed(0)} MB`,
      round(bundleRss / RSS_BUDGET_MB),
      1,
      `${bundleRss < RSS_BUDGET_MB ? 'meets' : 'MISSES'} target; ratio = peak RSS / budget; ${rssMethod()}`,
    ),
  ];
}

function row(name, baseline, subject, ratio, target, note) {
  return { name, baseline, subject, ratio, target, note };
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function q(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function has(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Random bytes cost more to make than to zip, so each file repeats one random MiB with its own
 * counter in every block: incompressible to deflate's 32 KiB window, distinct per file.
 */
function generateEvidence(dir) {
  const block = randomBytes(1 << 20);
  const files = [];
  const write = (name, header, bytes) => {
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, header);
      let left = bytes - header.length;
      for (let n = 0; left > 0; n++) {
        const chunk = block.subarray(0, Math.min(block.length, left));
        chunk.writeUInt32BE(n, 0);
        chunk.writeUInt32BE(files.length, 4);
        left -= writeSync(fd, chunk);
      }
    } finally {
      closeSync(fd);
    }
    files.push({ path, name, bytes, kind: name.endsWith('.png') ? 'screenshot' : 'recording' });
  };
  for (let i = 1; i <= 20; i++) write(`screenshot-${String(i).padStart(2, '0')}.png`, pngHeader(5 * MB), 5 * MB);
  for (let i = 1; i <= 2; i++) write(`recording-${i}.mp4`, mp4Header(200 * MB), 200 * MB);
  for (let i = 1; i <= 50; i++) {
    const name = `message-${String(i).padStart(2, '0')}.txt`;
    const text = Array.from(
      { length: 40 + i },
      (_, line) =>
        `2026-11-${String((line % 28) + 1).padStart(2, '0')} Support wrote: ticket ${i}-${line}, still under review.`,
    ).join('\n');
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    writeSync(fd, `${text}\n`);
    closeSync(fd);
    files.push({ path, name, bytes: Buffer.byteLength(text) + 1, kind: 'correspondence' });
  }
  return files;
}

/** PNG signature and IHDR, then one IDAT chunk that holds the rest: what content detection checks. */
function pngHeader(total) {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(1920, 8);
  ihdr.writeUInt32BE(1080, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  const idat = Buffer.alloc(8);
  idat.writeUInt32BE(total - 8 - 25 - 8, 0);
  idat.write('IDAT', 4, 'ascii');
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, idat]);
}

/** An ISO-BMFF `ftyp` box (brand isom), then an `mdat` box that holds the rest. */
function mp4Header(total) {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'ascii');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2', 16, 'ascii');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(total - 24, 0);
  mdat.write('mdat', 4, 'ascii');
  return Buffer.concat([ftyp, mdat]);
}

function createClaim(bin, home, files) {
  const evidence = files.flatMap((file) => [`--${file.kind}`, file.path]);
  execFileSync(
    process.execPath,
    [
      bin,
      'new',
      '--no-input',
      '--reason',
      'technical-issue',
      '--advertiser-id',
      '7012345678901',
      '--account-name',
      'Bench Shoes',
      '--email',
      'ads@bench.test',
      '--promotion-id',
      '1790000001',
      '--start',
      '2026-11-01',
      '--end',
      '2026-11-07',
      '--charged',
      '500.00',
      '--description',
      'The campaign stopped delivering on 3 November while the budget kept being charged.',
      ...evidence,
    ],
    { env: { ...process.env, REFUND_CLAIM_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function hyperfine(cwd, env, commands) {
  const json = join(cwd, 'hyperfine.json');
  const args = ['--style', 'none', '--warmup', '1', '--runs', String(RUNS), '--export-json', json];
  for (const [name, command] of Object.entries(commands)) args.push('--command-name', name, command);
  execFileSync('hyperfine', args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const { results } = JSON.parse(readFileSync(json, 'utf8'));
  const median = (name) => results.find((result) => result.command === name).median;
  return { zip: median('zip'), bundle: median('bundle'), tool: 'hyperfine' };
}

function timeRuns(env, commands) {
  const result = { tool: 'performance.now()' };
  for (const [name, command] of Object.entries(commands)) {
    spawnSync('sh', ['-c', command], { env, stdio: 'ignore' });
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      spawnSync('sh', ['-c', command], { env, stdio: 'ignore' });
      times.push((performance.now() - start) / 1000);
    }
    times.sort((a, b) => a - b);
    result[name] = times[Math.floor(times.length / 2)];
  }
  return result;
}

function rssMethod() {
  return has('/usr/bin/time') ? 'measured with /usr/bin/time -f %M' : 'measured from /proc/<pid>/status VmHWM';
}

/** Peak resident memory of one run, in MB (of 10^6 bytes, as the target is stated). */
async function peakRssMb(command, cwd, env) {
  if (has('/usr/bin/time')) {
    const result = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `exec ${command}`], {
      cwd,
      env,
      encoding: 'utf8',
    });
    const kib = Number(result.stderr.trim().split('\n').at(-1));
    return (kib * 1024) / MB;
  }
  return pollVmHwm(command, cwd, env);
}

/** Without GNU time: the kernel's high-water mark, read while the process runs. */
function pollVmHwm(command, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `exec ${command}`], { cwd, env, stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, (kib * 1024) / MB);
      } catch {
        // The process has ended between two polls.
      }
    }, 5);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(peak);
    });
  });
}
