/**
 * `aisec report --learning`: reads `.aisec/progress/*.json` under the scan root and builds the learning
 * section against the effective learning paths. Malformed files are reported on stderr (and in the report);
 * the others are still reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { LoadedConfig } from '../packs/config';
import { PROGRESS_DIR } from '../learning/progress';
import type { LearningReport, ProgressFileInput } from '../learning/report';
import { buildLearningReport } from '../learning/report';

/** A progress file larger than this is not read (a learner's record is a few KB). */
const MAX_PROGRESS_FILE = 1024 * 1024;

export function readProgressFiles(root: string): ProgressFileInput[] {
  const dir = path.join(root, ...PROGRESS_DIR.split('/'));
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: ProgressFileInput[] = [];
  for (const e of entries) {
    if (!e.name.toLowerCase().endsWith('.json')) continue;
    const rel = `${PROGRESS_DIR}/${e.name}`;
    const abs = path.join(dir, e.name);
    try {
      const st = fs.statSync(abs);
      if (!st.isFile()) continue;
      if (st.size > MAX_PROGRESS_FILE) {
        out.push({ file: rel, error: `larger than ${MAX_PROGRESS_FILE} bytes; not read` });
        continue;
      }
      out.push({ file: rel, text: fs.readFileSync(abs, 'utf8') });
    } catch (err) {
      out.push({ file: rel, error: `cannot read: ${(err as Error).message}` });
    }
  }
  return out;
}

export function learningReportFor(root: string, loaded: LoadedConfig, today: string): LearningReport {
  for (const w of loaded.warnings ?? []) process.stderr.write(`${path.relative(process.cwd(), w.file) || w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  const report = buildLearningReport(loaded.config.learning?.paths ?? [], readProgressFiles(root), today, PROGRESS_DIR);
  for (const p of report.problems) process.stderr.write(`aisec: learning progress ${p.file}: ${p.message} (skipped; the other files are reported)\n`);
  if (!report.paths.length) process.stderr.write('aisec: --learning: no learning path is configured (add `learning:` to .aisec.yaml); listing progress files only\n');
  return report;
}
