/**
 * First diagnostics soon after a file is opened: right after initialize, the server analyses two small samples (Python
 * and TypeScript) with every built-in rule, so the parsers' first-use costs (the Python grammar's WebAssembly, the
 * TypeScript compiler's module setup) and the rules' first compilations are paid before the user opens anything.
 * Each sample runs in its own macrotask: a document opened meanwhile waits for one sample at most.
 */
import { analyze } from '../engine/engine';
import { defaultConfig } from '../engine/config';
import { builtinRules } from '../engine/registry';

const PY_SAMPLE = `import os
import subprocess
from openai import OpenAI

client = OpenAI()


def run(cmd: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": cmd}])
    text = reply.choices[0].message.content
    return subprocess.run(text, shell=True, capture_output=True).stdout.decode()


class Agent:
    def __init__(self):
        self.key = os.environ.get("OPENAI_API_KEY")

    def answer(self, q):
        return run(q)
`;

const TS_SAMPLE = `import OpenAI from 'openai';
import { exec } from 'child_process';

const client = new OpenAI();

export async function run(cmd: string): Promise<string> {
  const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: cmd }] });
  const text = reply.choices[0].message.content ?? '';
  exec(text);
  return text;
}

export class Agent {
  constructor(private readonly key = process.env.OPENAI_API_KEY) {}
  answer(q: string) {
    return run(q);
  }
}
`;

/** The samples analysed at start-up, each after the previous one (a macrotask apart); resolves when done. */
export async function warmUp(): Promise<void> {
  const config = defaultConfig();
  const samples: [string, string][] = [
    ['aisec-warm-up.py', PY_SAMPLE],
    ['aisec-warm-up.ts', TS_SAMPLE],
    ['aisec-warm-up.py', PY_SAMPLE.replace('capture_output=True', 'capture_output=False')],
    ['aisec-warm-up.ts', TS_SAMPLE.replace("exec(text)", "exec(text + '')")],
  ];
  for (const [file, text] of samples) {
    await new Promise((r) => setImmediate(r));
    try {
      analyze({ path: file, text }, config, builtinRules);
    } catch {
      // a warm-up failure changes nothing: the real analyses report their own errors
    }
  }
}
