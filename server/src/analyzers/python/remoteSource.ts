/**
 * Where an attacker can supply the bytes a loader deserializes: a Python file that talks to the network or a
 * model hub, serves requests or uploads, or is a command-line tool inspecting the file it is given. Used by the
 * model-deserialization rules to tell an exploitable load from a library's own persistence API or cache.
 */
import { pyImportedModules } from './calls';
import type { PyNode } from './tree';

export const REMOTE_MODULES = /^(huggingface_hub|requests|httpx|aiohttp|urllib\.request|urllib3|http\.server|http\.client|socketserver|xmlrpc\.server|flask|fastapi|starlette|django|tornado|sanic|bottle|boto3|botocore|google\.cloud\.storage|azure\.storage\.blob|gcsfs|s3fs|fsspec|mlflow|gradio|streamlit|wandb|modelscope|kaggle|argparse)(\.|$)/;

/** Names of an argument or a function that say the bytes were downloaded, uploaded, requested or written by a model. */
export const REMOTE_NAME = /download|url|upload|hub\b|hub_|request|remote|fetch|from_model|model_output|llm_output|from_llm|completion/i;

const cache = new WeakMap<PyNode, boolean>();

/** Does the module import a network, hub, web-server or command-line module (see REMOTE_MODULES)? */
export function pyFileHasRemoteSource(root: PyNode): boolean {
  let v = cache.get(root);
  if (v === undefined) {
    v = pyImportedModules(root).some((m) => REMOTE_MODULES.test(m));
    cache.set(root, v);
  }
  return v;
}

export function pyEnclosingFunction(n: PyNode): PyNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}
