/** Shared by the ci*.test.ts files: a small vulnerable fixture repository and validators for schemas/ci/. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { makeWorkspace, ROOT } from './cli';

export const KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';

/** A small vulnerable repository: an error, a warning, an in-source suppression, a clean file; `.git` marks the root. */
export function vulnerableRepo(): string {
  const dir = makeWorkspace(undefined, {
    'app/bot.py': `from openai import OpenAI\n\nclient = OpenAI(api_key="${KEY}")\n`,
    'app/loader.py': 'import torch\n\n\ndef load(path: str):\n    return torch.load(path)\n',
    'app/mock.py': `from openai import OpenAI\n\n# aisec-ignore hardcoded-ai-provider-key -- revoked key for the local mock server\nmock = OpenAI(api_key="${KEY}")\n`,
    'app/clean.py': 'import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n',
    'docs/notes.md': '# notes\n',
  });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

export function schemaValidator(name: string): (data: unknown) => void {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ci', name), 'utf8')) as object);
  return (data) => assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

