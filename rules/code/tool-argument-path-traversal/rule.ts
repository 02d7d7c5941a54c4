import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { PATH_NAME_FIXED, PATH_PREFIX_CHECKED, jsChildren, jsFlow, jsStringValue, kids, linkedParent, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Taint } from '../../../server/src/analyzers/flow';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { own } from '../../../server/src/analyzers/own';

/** Python file operations: qualified callee -> indexes of the path arguments. */
const PY_SINKS: Record<string, number[]> = {
  open: [0], 'io.open': [0], 'codecs.open': [0], 'aiofiles.open': [0], 'os.open': [0],
  'os.remove': [0], 'os.unlink': [0], 'os.rmdir': [0], 'os.removedirs': [0], 'os.listdir': [0], 'os.scandir': [0],
  'os.makedirs': [0], 'os.mkdir': [0], 'os.rename': [0, 1], 'os.replace': [0, 1], 'os.truncate': [0], 'os.chmod': [0],
  'shutil.rmtree': [0], 'shutil.copy': [0, 1], 'shutil.copy2': [0, 1], 'shutil.copyfile': [0, 1], 'shutil.copytree': [0, 1], 'shutil.move': [0, 1],
  'flask.send_file': [0], 'starlette.responses.FileResponse': [0], 'fastapi.responses.FileResponse': [0],
  'tarfile.open': [0], 'zipfile.ZipFile': [0], 'pandas.read_csv': [0],
};
/** Methods of a pathlib.Path that touch the file system (called on a model-controlled Path). */
const PY_PATH_METHODS = new Set(['read_text', 'read_bytes', 'write_text', 'write_bytes', 'open', 'unlink', 'rmdir', 'mkdir', 'touch', 'iterdir', 'rename', 'replace', 'chmod']);
const PY_JOIN = /^(os\.path\.join|posixpath\.join)$/;

const JS_FS_MODULE = /^(fs\/promises\.default|fs\/promises|fs\.promises|fs-extra|graceful-fs|fs)\./;
const JS_FS_FUNCTIONS: Record<string, number[]> = {
  readFile: [0], readFileSync: [0], writeFile: [0], writeFileSync: [0], appendFile: [0], appendFileSync: [0],
  unlink: [0], unlinkSync: [0], rm: [0], rmSync: [0], rmdir: [0], rmdirSync: [0], mkdir: [0], mkdirSync: [0],
  readdir: [0], readdirSync: [0], createReadStream: [0], createWriteStream: [0], open: [0], openSync: [0],
  copyFile: [0, 1], copyFileSync: [0, 1], rename: [0, 1], renameSync: [0, 1], cp: [0, 1], cpSync: [0, 1],
  remove: [0], removeSync: [0], outputFile: [0], readJson: [0], writeJson: [0],
};
const JS_JOIN = /^path(\.posix)?\.(join|resolve)$/;

/**
 * What a sink does with the path. A read of a path whose file name the model did not choose (a constant name or
 * one from a directory listing, under a model-chosen directory) is not an arbitrary-file read; writes and deletes
 * there still are reported. Creating the directory of a file written next is the same flow as the write: it is
 * reported at the write only.
 */
type SinkKind = 'read' | 'mkdir' | 'other';
const PY_OPEN = new Set(['open', 'io.open', 'codecs.open', 'aiofiles.open']);
const PY_READS = new Set(['os.listdir', 'os.scandir', 'pandas.read_csv']);
const PY_DIR_CREATE = new Set(['os.makedirs', 'os.mkdir']);
const PY_PATH_READS = new Set(['read_text', 'read_bytes', 'iterdir']);
const JS_READS = new Set(['readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'readJson', 'readJsonSync']);

/**
 * Findings of one file, held until the end: one flow (one source) is reported at its write or delete; the reads
 * and directory creations of the same source (read-modify-write, `mkdir` of the folder written next) add nothing.
 * Without such a sink, reads are reported, and directory creations when nothing else is.
 */
class Findings {
  private readonly list: { kind: SinkKind; key: string; emit: () => void }[] = [];
  add(kind: SinkKind, t: Taint, emit: () => void): void {
    this.list.push({ kind, key: `${t.originStart}:${t.origin}`, emit });
  }
  flush(): void {
    const written = new Set(this.list.filter((f) => f.kind === 'other').map((f) => f.key));
    const read = new Set(this.list.filter((f) => f.kind === 'read').map((f) => f.key));
    for (const f of this.list) {
      if (f.kind === 'other' || (f.kind === 'read' && !written.has(f.key)) || (f.kind === 'mkdir' && !written.has(f.key) && !read.has(f.key))) f.emit();
    }
    this.list.length = 0;
  }
}

type JsNode = TSESTree.Node;
const JS_FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * A read whose content only goes to the client's diff view: an agent speaking the Agent Client Protocol shows a
 * proposed edit as tool-call content `{ type: 'diff', path, oldText, newText }`, which the client (the editor)
 * renders for the user and which is not model input. The file's current text read for it (the `oldText`, and the
 * `newText` built from it) discloses nothing to the model. Every use of the text must be inside such a diff object
 * or reduce it to a number or a yes/no (`text.split(old).length`, `text.includes(x)`); any other use (a tool
 * result, a message, a return of its own) is a disclosure and the read is reported.
 */
function readForClientDiff(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let n: JsNode = call;
  let p = linkedParent(n);
  while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
    n = p;
    p = linkedParent(n);
  }
  let name: string | undefined;
  if (p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier') name = p.id.name;
  else if (p?.type === 'AssignmentExpression' && p.right === n && p.left.type === 'Identifier') name = p.left.name;
  else return !!p && inClientDiff(n);
  const uses = usesInFunction(name, p);
  if (!uses) return false;
  let inDiff = 0;
  for (const x of uses) {
    const use = identifierUse(x);
    if (use === 'other') return false;
    if (use === 'diff') inDiff++;
  }
  return inDiff > 0;
}

/** The identifiers named `name` in the function around `at` (undefined outside any function). */
function usesInFunction(name: string, at: JsNode): TSESTree.Identifier[] | undefined {
  let fn: JsNode | undefined = at;
  while (fn && !JS_FUNCTION.has(fn.type)) fn = linkedParent(fn);
  if (!fn) return undefined;
  const out: TSESTree.Identifier[] = [];
  const stack: JsNode[] = [fn];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'Identifier' && x.name === name) out.push(x);
    else for (const c of jsChildren(x)) stack.push(c);
  }
  return out;
}

/** Every read of variable `name` in the function around `at` is reduced to a number or a yes/no (and there is one). */
function onlyReducedUses(name: string, at: JsNode, depth = 0): boolean {
  const uses = usesInFunction(name, at);
  if (!uses) return false;
  let reduced = 0;
  for (const x of uses) {
    const p = linkedParent(x);
    if ((p?.type === 'VariableDeclarator' && p.id === x) || (p?.type === 'Property' && p.key === x && !p.shorthand) || (p?.type === 'MemberExpression' && p.property === x && !p.computed)) continue;
    if (!reducedUse(x, depth)) return false;
    reduced++;
  }
  return reduced > 0;
}

/**
 * A read of the file's header only: `const buf = fs.readFileSync(p)` where every use of `buf` is a number or a
 * yes/no (magic bytes, image width and height). Nothing of the file's content reaches the model.
 */
function readForMetadataOnly(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let n: JsNode = call;
  let p = linkedParent(n);
  while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
    n = p;
    p = linkedParent(n);
  }
  return p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier' && onlyReducedUses(p.id.name, p);
}

/**
 * A read whose bytes only go out declared as an image: `new Blob([buf], { type: mime })`, `{ data: buf.toString('base64'),
 * mimeType }` where the type is always `image/*` (a literal, or a same-file lookup like `TYPES[ext] || 'image/jpeg'`
 * over a table of image types). A vision model answers about a picture; a key file or `.env` does not decode as one.
 * Every other use must reduce the bytes to a number or a yes/no.
 */
function readSentAsImage(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let n: JsNode = call;
  let p = linkedParent(n);
  while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
    n = p;
    p = linkedParent(n);
  }
  if (p?.type !== 'VariableDeclarator' || p.init !== n || p.id.type !== 'Identifier') return false;
  return usesAsImage(p.id.name, p, 0) === 'image';
}

/** 'image' when every use of `name` (and at least one) is typed as an image or reduced, else 'other'. */
function usesAsImage(name: string, at: JsNode, depth: number): 'image' | 'reduced' | 'other' {
  let fn: JsNode | undefined = at;
  while (fn && !JS_FUNCTION.has(fn.type)) fn = linkedParent(fn);
  if (!fn) return 'other';
  let images = 0;
  let uses = 0;
  const stack: JsNode[] = [fn];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'Identifier' && x.name === name) {
      const p = linkedParent(x);
      if ((p?.type === 'VariableDeclarator' && p.id === x) || (p?.type === 'Property' && p.key === x && !p.shorthand) || (p?.type === 'MemberExpression' && p.property === x && !p.computed)) continue;
      uses++;
      if (reducedUse(x)) continue;
      const use = imageUse(x, fn, depth);
      if (use === 'other') return 'other';
      if (use === 'image') images++;
      continue;
    }
    for (const c of jsChildren(x)) stack.push(c);
  }
  return images > 0 ? 'image' : uses > 0 ? 'reduced' : 'other';
}

const IMAGE_TYPE_KEY = /^(type|mimeType|mime_type|mediaType|media_type|contentType|content_type)$/;

/** One use of the bytes: wrapped (`new Uint8Array(buf)`, `[buf]`, `buf.toString('base64')`) up to an image-typed holder. */
function imageUse(id: JsNode, fn: JsNode, depth: number): 'image' | 'reduced' | 'other' {
  let x: JsNode = id;
  for (let p = linkedParent(x); p; x = p, p = linkedParent(p)) {
    if (p.type === 'ArrayExpression' || p.type === 'TSAsExpression' || p.type === 'AwaitExpression') continue;
    if (p.type === 'MemberExpression' && p.object === x && !p.computed && p.property.type === 'Identifier' && p.property.name === 'toString') {
      const c = linkedParent(p);
      if (c?.type !== 'CallExpression' || c.callee !== p || jsStringValue(c.arguments[0]) !== 'base64') return 'other';
      p = c;
      continue;
    }
    if (p.type === 'NewExpression' && p.callee.type === 'Identifier') {
      if (/^(Uint8Array|Buffer)$/.test(p.callee.name)) continue;
      // new Blob([bytes], { type: 'image/png' }), new File([bytes], name, { type })
      if (/^(Blob|File)$/.test(p.callee.name) && p.arguments[0] === x) return imageTyped(p.arguments[p.arguments.length - 1], fn) ? 'image' : 'other';
      return 'other';
    }
    if (p.type === 'CallExpression' && p.callee.type === 'MemberExpression' && !p.callee.computed && p.callee.object.type === 'Identifier' && p.callee.object.name === 'Buffer' && p.arguments[0] === x) continue;
    if (p.type === 'Property' && p.value === x) {
      const obj = linkedParent(p);
      return obj?.type === 'ObjectExpression' && imageTyped(obj, fn) ? 'image' : 'other';
    }
    // const base64Data = buf.toString('base64'): the same question about the new variable
    if (p.type === 'VariableDeclarator' && p.init === x && p.id.type === 'Identifier' && depth === 0) return usesAsImage(p.id.name, p, depth + 1);
    return 'other';
  }
  return 'other';
}

/** An options or content object whose type property is always an image type. */
function imageTyped(o0: JsNode | undefined, fn: JsNode): boolean {
  const o = o0 ? unwrap(o0) : undefined;
  if (o?.type !== 'ObjectExpression') return false;
  for (const p of o.properties) {
    if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier' || !IMAGE_TYPE_KEY.test(p.key.name)) continue;
    return imageOnly(p.value, fn, 0);
  }
  return false;
}

/** The program around a node. */
function programOf(n: JsNode): JsNode {
  let x = n;
  for (let p = linkedParent(x); p; p = linkedParent(p)) x = p;
  return x;
}

/** The initialiser of `const name = ...` in `scope` (not inside nested functions), else undefined. */
function declInit(scope: JsNode, name: string): JsNode | undefined {
  const stack: JsNode[] = [...jsChildren(scope)];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'VariableDeclarator' && x.id.type === 'Identifier' && x.id.name === name) return x.init ?? undefined;
    if (JS_FUNCTION.has(x.type)) continue;
    for (const c of jsChildren(x)) stack.push(c);
  }
  return undefined;
}

/** `image/png`; `TYPES[ext] || 'image/jpeg'` over an object of image types; a same-file function returning only those. */
function imageOnly(e0: JsNode, scope: JsNode, depth: number): boolean {
  if (depth > 5) return false;
  const e = unwrap(e0);
  const lit = jsStringValue(e);
  if (lit !== undefined) return /^image\/[\w.+-]+$/.test(lit);
  switch (e.type) {
    case 'LogicalExpression':
      return e.operator !== '&&' && imageOnly(e.left, scope, depth + 1) && imageOnly(e.right, scope, depth + 1);
    case 'ConditionalExpression':
      return imageOnly(e.consequent, scope, depth + 1) && imageOnly(e.alternate, scope, depth + 1);
    case 'MemberExpression': {
      // TYPES[ext]: a lookup in a table whose values are all image types (a missing key is undefined, not the key)
      if (!e.computed || e.object.type !== 'Identifier') return false;
      const table = declInit(scope, e.object.name) ?? declInit(programOf(scope), e.object.name);
      const t = table ? unwrap(table) : undefined;
      return t?.type === 'ObjectExpression' && t.properties.length > 0 && t.properties.every((p) => p.type === 'Property' && imageOnly(p.value, scope, depth + 1));
    }
    case 'Identifier': {
      const init = declInit(scope, e.name) ?? declInit(programOf(scope), e.name);
      return !!init && imageOnly(init, scope, depth + 1);
    }
    case 'CallExpression': {
      if (e.callee.type !== 'Identifier') return false;
      const name = e.callee.name;
      const program = programOf(scope);
      let decl: TSESTree.FunctionDeclaration | undefined;
      if (program.type === 'Program') {
        for (const st of program.body) {
          const d = st.type === 'ExportNamedDeclaration' ? st.declaration : st;
          if (d?.type === 'FunctionDeclaration' && d.id?.name === name) decl = d;
        }
      }
      if (!decl) return false;
      const returns: JsNode[] = [];
      const stack: JsNode[] = [decl.body];
      while (stack.length) {
        const x = stack.pop()!;
        if (x.type === 'ReturnStatement') {
          if (!x.argument) return false;
          returns.push(x.argument);
          continue;
        }
        if (JS_FUNCTION.has(x.type)) continue;
        for (const c of jsChildren(x)) stack.push(c);
      }
      return returns.length > 0 && returns.every((r) => imageOnly(r, decl, depth + 1));
    }
    default:
      return false;
  }
}

/** How an identifier named like the text variable is used: not read, inside a client diff, reduced to a number or a yes/no, or otherwise. */
function identifierUse(id: TSESTree.Identifier): 'none' | 'diff' | 'reduced' | 'other' {
  const p = linkedParent(id);
  if (!p) return 'other';
  if (p.type === 'VariableDeclarator' && p.id === id) return 'none';
  if (p.type === 'AssignmentExpression' && p.left === id) return 'none';
  if (p.type === 'Property' && p.key === id && !p.shorthand) return 'none';
  if (p.type === 'MemberExpression' && p.property === id && !p.computed) return 'none';
  if (inClientDiff(id)) return 'diff';
  return reducedUse(id) ? 'reduced' : 'other';
}

/** Inside the value of an ACP diff content object (`{ type: 'diff', oldText, newText }`). */
function inClientDiff(n: JsNode): boolean {
  for (let x: JsNode | undefined = n, p = linkedParent(n); p; x = p, p = linkedParent(p)) {
    if (JS_FUNCTION.has(p.type)) return false;
    const type = p.type === 'ObjectExpression' ? objProp(p, 'type') : undefined;
    if (type && x.type === 'Property' && jsStringValue(type.value) === 'diff') {
      const key = x.key.type === 'Identifier' ? x.key.name : '';
      return key === 'oldText' || key === 'newText';
    }
  }
  return false;
}

/** A comparison: its result is a yes/no. */
function comparedIn(p: JsNode | undefined): boolean {
  return p?.type === 'BinaryExpression' && /^([!=]==?|[<>]=?)$/.test(p.operator);
}

/**
 * `text.length`, `text.split(old).length`, `text.includes(x)`, `text === other`, `text == null`: a number or a yes/no.
 * Buffers too: `buf.readUInt32BE(16)`, `buf[i] !== 0xff`, `buf.toString('ascii', 1, 4) !== 'PNG'`, and a byte kept in a
 * variable that is only compared (`const marker = buf[i]`).
 */
function reducedUse(id: TSESTree.Identifier, depth = 0): boolean {
  const p = linkedParent(id);
  if (comparedIn(p)) return true;
  if (p?.type === 'MemberExpression' && p.object === id && p.computed) {
    const up = linkedParent(p);
    if (comparedIn(up)) return true;
    // const marker = buf[offset + 1]: one byte, reduced where every use of `marker` is
    return depth === 0 && up?.type === 'VariableDeclarator' && up.init === p && up.id.type === 'Identifier' && onlyReducedUses(up.id.name, up, depth + 1);
  }
  if (p?.type !== 'MemberExpression' || p.object !== id || p.computed || p.property.type !== 'Identifier') return false;
  const method = p.property.name;
  if (method === 'length') return true;
  const call = linkedParent(p);
  if (call?.type !== 'CallExpression' || call.callee !== p) return false;
  if (/^(includes|startsWith|endsWith|indexOf|lastIndexOf|equals|compare)$/.test(method)) return true;
  if (/^read(U?Int(8|16|32)|BigU?Int64|Float|Double)(BE|LE)?$/.test(method)) return true;
  if (/^(toString|slice|subarray)$/.test(method) && comparedIn(linkedParent(call))) return true;
  const after = linkedParent(call);
  return method === 'split' && after?.type === 'MemberExpression' && after.object === call && !after.computed && after.property.type === 'Identifier' && after.property.name === 'length';
}

/**
 * A new file created next to nothing it could replace, with content the model did not choose: `copyFile(src, dest,
 * COPYFILE_EXCL)` and `writeFile(dest, data, { flag: 'wx' })` fail when `dest` exists. A model-chosen `dest` then
 * cannot overwrite a file or plant content of its choosing (the source file, or the data, is not the model's; a
 * model-chosen source is reported as the read it is).
 */
function exclusiveCreate(call: TSESTree.CallExpression | TSESTree.NewExpression, fsName: string, index: number, fromModel: (n: JsNode) => boolean, text: string): boolean {
  const sourceOf = (n: JsNode) => text.slice(n.range[0], n.range[1]);
  const [first, second, third] = call.arguments;
  if (/^copyFile(Sync)?$/.test(fsName)) {
    return index === 1 && !!first && !!third && !fromModel(first) && /\bCOPYFILE_EXCL\b/.test(sourceOf(third));
  }
  if (/^writeFile(Sync)?$/.test(fsName) && index === 0 && second && third && !fromModel(second)) {
    const opts = unwrap(third);
    const flag = opts.type === 'ObjectExpression' ? objProp(opts, 'flag')?.value : opts;
    return !!flag && /^(wx|xw)\+?$/.test(jsStringValue(flag as JsNode) ?? '');
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'tool-argument-path-traversal',
    name: 'ToolArgumentPathTraversal',
    shortDescription: 'A model-controlled value (tool argument or model output) is used as a file path without confinement.',
    fullDescription: 'The arguments of an agent tool (MCP tool, LangChain @tool, OpenAI function call, Vercel AI tool) are written by the model, and a prompt injection in any document the model reads can choose them. A tool that opens, writes or deletes the path it is given lets the injected instructions read ~/.ssh/id_rsa, overwrite source files or delete directories (`../../`). Resolve the path against a fixed base directory and check the result stays inside it, or keep only the file name.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM06', 'LLM05'],
    cwe: [22, 73],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      path: 'Model-controlled {{source}} is used as a file path by `{{sink}}` without confinement. Resolve it under a base directory and check it stays inside (realpath + startswith, Path.resolve().is_relative_to, path.resolve + startsWith), or keep only the file name.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const text = ctx.view.text;
      const importsOs = /^\s*import\s+os\b/m.test(text);
      const seen = new Set<number>();
      const found = new Findings();
      const report = (arg: Node | undefined | null, sink: string, kind: SinkKind = 'other'): void => {
        if (!arg || seen.has(arg.startIndex)) return;
        const t = flow.reaches(arg, 'model', 'path');
        if (!t || (kind === 'read' && t.sanitized & PATH_NAME_FIXED) || (kind === 'mkdir' && t.sanitized & PATH_PREFIX_CHECKED)) return;
        seen.add(arg.startIndex);
        found.add(kind, t, () => ctx.report({ messageId: 'path', data: { source: t.origin, sink }, start: arg.startIndex, end: arg.endIndex, fixes: pyFix(arg) }));
      };
      /** open(p), open(p, "rb"), p.open(): a read unless the mode writes, appends or creates. */
      const readMode = (mode: Node | undefined | null): boolean => {
        if (!mode) return true;
        const m = pyStringValue(mode);
        return m !== undefined && !/[wax+]/.test(m);
      };
      /** `os.path.join(BASE, name)` / `BASE / name`: keep only the file name of the model's part. */
      const pyFix = (arg: Node): Fix[] => {
        if (!importsOs) return [];
        let last: Node | undefined;
        if (arg.type === 'call' && PY_JOIN.test(flow.qualName(arg.childForFieldName('function') ?? arg))) {
          const parts = pyArgs(arg).positional;
          if (parts.length >= 2 && !flow.reaches(parts[0], 'model')) last = parts[parts.length - 1];
        } else if (arg.type === 'binary_operator' && arg.child(1)?.type === '/') {
          const [left, right] = kids(arg);
          if (left && !flow.reaches(left, 'model')) last = right;
        }
        if (!last || (last.type !== 'identifier' && last.type !== 'attribute' && last.type !== 'subscript') || !flow.reaches(last, 'model', 'path')) return [];
        return [{ title: 'Keep only the file name (os.path.basename)', kind: 'suggestion', edits: [{ start: last.startIndex, end: last.endIndex, newText: `os.path.basename(${last.text})` }] }];
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        const idx = own(PY_SINKS, q);
        if (idx) {
          const kind: SinkKind = PY_DIR_CREATE.has(q) ? 'mkdir' : PY_READS.has(q) || (PY_OPEN.has(q) && readMode(positional[1] ?? keywords.get('mode'))) ? 'read' : 'other';
          for (const i of idx) report(positional[i] ?? (i === 0 ? keywords.get('file') ?? keywords.get('path') ?? keywords.get('src') : keywords.get('dst')), q, kind);
          continue;
        }
        const pathMethod = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
        // `text.replace("a", "b")` is str.replace (Path.replace / Path.rename take one target)
        if ((pathMethod === 'replace' || pathMethod === 'rename') && positional.length + keywords.size >= 2) continue;
        if (fn.type === 'attribute' && PY_PATH_METHODS.has(pathMethod)) {
          const recv = fn.childForFieldName('object');
          const kind: SinkKind = pathMethod === 'mkdir' ? 'mkdir' : PY_PATH_READS.has(pathMethod) || (pathMethod === 'open' && readMode(positional[0] ?? keywords.get('mode'))) ? 'read' : 'other';
          // Path(x).read_text(): report the argument of the constructor; p.read_text(): the receiver
          if (recv?.type === 'call' && /(^|\.)(Path|PurePath|PosixPath)$/.test(flow.qualName(recv.childForFieldName('function') ?? recv))) {
            const inner = pyArgs(recv).positional;
            report(inner[inner.length - 1] ?? recv, `Path.${fn.childForFieldName('attribute')?.text}`, kind);
          } else if (recv && recv.type !== 'string') report(recv, `Path.${fn.childForFieldName('attribute')?.text}`, kind);
        }
      }
      found.flush();
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const text = ctx.view.text;
      const pathName = /import\s+(\*\s+as\s+)?path\s+from\s+['"](node:)?path['"]|\bpath\s*=\s*require\(\s*['"](node:)?path['"]\s*\)/.test(text);
      const seen = new Set<number>();
      const jsFix = (arg: TSESTree.Node): Fix[] => {
        const a = unwrap(arg);
        if (!pathName || a.type !== 'CallExpression' || !JS_JOIN.test(flow.qualName(a.callee)) || a.arguments.length < 2) return [];
        if (flow.reaches(a.arguments[0], 'model')) return [];
        const last = a.arguments[a.arguments.length - 1];
        const u = unwrap(last);
        if ((u.type !== 'Identifier' && u.type !== 'MemberExpression') || !flow.reaches(last, 'model', 'path')) return [];
        return [{ title: 'Keep only the file name (path.basename)', kind: 'suggestion', edits: [{ start: last.range[0], end: last.range[1], newText: `path.basename(${text.slice(last.range[0], last.range[1])})` }] }];
      };
      const found = new Findings();
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee);
        let idx: number[] | undefined;
        let fsName = '';
        if (JS_FS_MODULE.test(q)) {
          fsName = q.replace(JS_FS_MODULE, '');
          idx = own(JS_FS_FUNCTIONS, fsName);
        } else if (q === 'Bun.file' || /^Deno\.(readTextFile|readFile|writeTextFile|writeFile|remove)$/.test(q)) idx = [0];
        if (!idx) continue;
        const kind: SinkKind = /^mkdir(Sync)?$/.test(fsName) ? 'mkdir' : JS_READS.has(fsName) || /^Deno\.read/.test(q) ? 'read' : 'other';
        for (const i of idx) {
          const arg = call.arguments[i];
          if (!arg || seen.has(arg.range[0])) continue;
          const t = flow.reaches(arg, 'model', 'path');
          if (!t || (kind === 'read' && (t.sanitized & PATH_NAME_FIXED || readForClientDiff(call) || readForMetadataOnly(call) || readSentAsImage(call)))) continue;
          // a prefix check without a separator lets a sibling of the base through: creating a directory there is no escape
          if (kind === 'mkdir' && t.sanitized & PATH_PREFIX_CHECKED) continue;
          if (exclusiveCreate(call, fsName, i, (n) => !!flow.reaches(n, 'model'), text)) continue;
          seen.add(arg.range[0]);
          found.add(kind, t, () => ctx.report({ messageId: 'path', data: { source: t.origin, sink: q }, start: arg.range[0], end: arg.range[1], fixes: jsFix(arg) }));
        }
      }
      found.flush();
    },
  },
});
