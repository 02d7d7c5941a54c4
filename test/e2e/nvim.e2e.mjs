#!/usr/bin/env node
// Real Neovim test: headless Neovim (Debian's 0.7.2 is enough) with no plugins runs the language
// server exactly as a Neovim user would configure it (`aisec-language-server --stdio`, i.e.
// `node dist/server.js --stdio`), opens every file of test/e2e/workspace/ (copied to a temp dir)
// and checks the published diagnostics, the hover and code actions (applying two fixes).
//
//   node test/e2e/nvim.e2e.mjs [--server "node dist/server.js --stdio"] [--out DIR] [--timeout S]
//
// Prints one line per test and `N passed, N failed` last; exit 0 when all passed, 1 otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIR, FILES, FIXES, HOVER, REPO, SOURCE, Tally, assert, copyWorkspace, describeDiags, missingCodes, spawnGroup } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const outDir = path.resolve(opt('out', path.join(REPO, '.e2e-out', 'nvim')));
const timeoutS = Number(opt('timeout', '20'));
const serverCmd = opt('server', null);
const server = serverCmd ? serverCmd.split(/\s+/).filter(Boolean) : [process.execPath, path.join(REPO, 'bin', 'aisec-language-server.js'), '--stdio'];
const tally = new Tally('nvim');
fs.mkdirSync(outDir, { recursive: true });

const SEV = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const toRows = (ds) => (ds || []).map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEV[d.severity] || String(d.severity), message: d.message, source: d.source, code: d.code }));

const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const PLANNED = [
  ...FILES.map((f) => (f.codes.length ? `${f.file}: aisec publishes ${f.codes.join(', ')}` : `${f.file}: empty publish`)),
  `hover on ${HOVER.code} shows the policy link`,
  ...FIXES.map((f) => `code action for ${f.code} in ${f.file}`),
];

async function main() {
  assert(nvimVersion.status === 0, 'nvim not found (run scripts/setup-e2e.sh)');
  assert(fs.existsSync(path.join(REPO, 'dist', 'server.js')), 'dist/server.js missing (npm run build)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-nvim-e2e-'));
  try {
    const ws = copyWorkspace(path.join(tmp, 'workspace'));
    const plan = {
      cmd: server,
      root: ws,
      timeout_ms: timeoutS * 1000,
      settle_ms: 500,
      files: FILES.map((f) => ({ file: path.join(ws, f.file), languageId: f.languageId, expectFindings: f.codes.length > 0 })),
      hover: { file: path.join(ws, HOVER.file), code: HOVER.code },
      // plain substrings for Lua's find: the fix titles are matched again with the regexes below
      fixes: FIXES.map((f) => ({ file: path.join(ws, f.file), code: f.code, title: f.title.source.replace(/\\/g, '') })),
    };
    fs.writeFileSync(path.join(tmp, 'plan.json'), JSON.stringify(plan));
    const outFile = path.join(tmp, 'result.json');
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_STATE_HOME: path.join(tmp, 'state'), XDG_CACHE_HOME: path.join(tmp, 'cache'),
      NVIM_LOG_FILE: path.join(tmp, 'nvim.log'),
      AISEC_NVIM_PLAN: path.join(tmp, 'plan.json'), AISEC_NVIM_OUT: outFile,
    };
    const t = Date.now();
    const proc = spawnGroup('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'filetype on', '-c', `luafile ${path.join(E2E_DIR, 'nvim-client.lua')}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const limit = setTimeout(() => { process.stderr.write('nvim-e2e: Neovim did not finish in time, killing it\n'); proc.kill('SIGKILL'); }, (timeoutS * (FILES.length + FIXES.length + 2) + 30) * 1000);
    const run = await proc.done;
    clearTimeout(limit);
    proc.kill('SIGKILL'); // the server, should it outlive Neovim (same process group)
    for (const f of ['nvim.log']) if (fs.existsSync(path.join(tmp, f))) fs.copyFileSync(path.join(tmp, f), path.join(outDir, f));
    const lspLog = [path.join(tmp, 'cache', 'nvim', 'lsp.log'), path.join(tmp, 'state', 'nvim', 'lsp.log')].find((p) => fs.existsSync(p));
    if (lspLog) fs.copyFileSync(lspLog, path.join(outDir, 'lsp.log'));
    assert(fs.existsSync(outFile), `Neovim wrote no result (exit ${run.code ?? run.signal}): ${run.stderr.slice(-800)}`);
    const res = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    fs.writeFileSync(path.join(outDir, 'result.json'), JSON.stringify(res, null, 2));
    process.stdout.write(`  neovim ${res.nvim}, server ${server.map((a) => (a === process.execPath ? 'node' : path.relative(REPO, a) || a)).join(' ')}, initialized in ${res.initialized_ms} ms, ${Date.now() - t} ms in all\n`);
    if (res.errors?.length) process.stdout.write(`  notes: ${res.errors.join('; ')}\n`);
    assert(res.initialized_ms !== undefined, `the server did not initialise: ${(res.errors || []).join('; ')}`);

    for (const f of FILES) {
      const abs = path.join(ws, f.file);
      const entry = res.files?.[abs];
      const rows = toRows(entry?.diagnostics);
      if (f.codes.length) {
        await tally.check(`${f.file}: aisec publishes ${f.codes.join(', ')}`, () => {
          assert(entry?.published, 'no publishDiagnostics for the file');
          const missing = missingCodes(f.codes, rows);
          assert(!missing.length, `missing ${missing.join(', ')}; got:\n${describeDiags(rows)}`);
          const raw = entry.diagnostics.filter((d) => d.source === SOURCE);
          assert(raw.every((d) => d.codeDescription?.href), 'a diagnostic lacks codeDescription.href (the policy link)');
          assert(raw.every((d) => d.range.start.line !== d.range.end.line || d.range.start.character < d.range.end.character), 'a diagnostic has an empty range');
          return `${raw.length} diagnostics, first after ${entry.first_publish_ms} ms`;
        });
      } else {
        await tally.check(`${f.file}: empty publish`, () => {
          assert(entry?.published, 'the server never published for the file (cannot tell clean from ignored)');
          const ours = rows.filter((d) => d.source === SOURCE);
          assert(!ours.length, `expected none, got:\n${describeDiags(ours)}`);
        });
      }
    }

    await tally.check(`hover on ${HOVER.code} shows the policy link`, () => {
      assert(res.capabilities?.hover, 'server has no hoverProvider');
      assert(typeof res.hover === 'string' && res.hover, `no hover${res.errors?.length ? `: ${res.errors.join('; ')}` : ''}`);
      assert(res.hover.includes(HOVER.code), `hover does not name ${HOVER.code}:\n${res.hover}`);
      assert(HOVER.expect.test(res.hover), `hover has no link matching ${HOVER.expect}:\n${res.hover}`);
    });

    for (const fx of FIXES) {
      await tally.check(`code action for ${fx.code} in ${fx.file}`, () => {
        const r = (res.fixes || []).find((x) => x.file === path.join(ws, fx.file) && x.code === fx.code);
        assert(r, 'not attempted');
        const titles = (r.actions || []).map((a) => a.title).join(' | ') || '(none)';
        assert(!r.error, `${r.error}; actions: ${titles}`);
        assert(fx.title.test(r.applied), `applied "${r.applied}" does not match ${fx.title}`);
        assert(fx.expect.test(r.fixedText), `text after the fix does not match ${fx.expect}:\n${r.fixedText}`);
        assert(!fx.notExpect || !fx.notExpect.test(r.fixedText), `text after the fix still matches ${fx.notExpect}`);
        const left = (r.diagnosticsAfter || []).filter((d) => d.code === fx.code).length;
        const before = (res.files[path.join(ws, fx.file)].diagnostics || []).filter((d) => d.code === fx.code).length;
        assert(left < before, `${fx.code} still published after the fix (${left} of ${before})`);
        return `"${r.applied}"; actions: ${titles}`;
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  process.stdout.write(`  nvim-e2e stopped: ${e.message}\n`);
}
const ran = tally.passed + tally.failed;
if (ran < PLANNED.length) for (const name of PLANNED.slice(ran)) tally.fail(name, 'not run');
process.stdout.write(`${tally.summary()}\n`);
process.exit(tally.failed ? 1 : 0);
