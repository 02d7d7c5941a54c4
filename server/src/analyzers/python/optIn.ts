/**
 * "Is this dangerous construction behind its caller's opt-in?" for the agent-capability rules.
 *
 * Two shapes of code build a dangerous tool (a shell, unrestricted HTTP) without enabling it:
 *
 * - a registry of factories: `def _make_shell(): return ShellTool()` stored as a value of a module-level
 *   map (`DANGEROUS = {"terminal": _make_shell}`), never called directly, and the only code that consults
 *   the map refuses first unless the caller opted in (`if name in DANGEROUS and not allow_dangerous: raise`).
 *   The capability exists only for callers who pass the flag; the finding belongs at that opt-in.
 * - the tool's own definition: the executor built as a field default of a class that is itself a tool
 *   (`class ShellTool(BaseTool): process = Field(default_factory=_default_process)`), or the tool list a
 *   toolkit class returns (`class MailToolkit(BaseToolkit): def get_tools(self): return [SendMail()]`), when
 *   the file does not use the class itself. Defining a tool enables nothing; instantiating it and handing it to
 *   an agent does, and that is reported where it happens.
 *
 * Matching is syntactic and within the file.
 */
import type { PyNode } from './tree';

/** A parameter or variable that records the caller's opt-in to dangerous behaviour. */
const OPT_IN_FLAG = /^(allow_dangerous\w*|allow_unsafe\w*|\w*_dangerous_\w*|enable_dangerous\w*|unsafe_ok|i_know_what_i_am_doing)$/i;
/** A call that refuses: `raise_dangerous_tools_exception(name)`, `_refuse(...)`. */
const REFUSING_CALL = /(^|[._])(raise\w*|\w*(exception|error)|refuse\w*|deny\w*|reject\w*)$/i;

function topFunction(n: PyNode): PyNode | undefined {
  let f: PyNode | undefined;
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') f = p;
  return f;
}

function enclosing(n: PyNode, type: string): PyNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

/** The identifiers under a node by text, in source order (once per node and tree). */
function identifiersByText(n: PyNode): Map<string, PyNode[]> {
  return n.memo('optIn.identifiersByText', (root) => {
    const out = new Map<string, PyNode[]>();
    for (const id of root.descendantsOfType('identifier')) {
      const list = out.get(id.text);
      if (list) list.push(id);
      else out.set(id.text, [id]);
    }
    return out;
  });
}

/** Identifiers of the file with the given text, outside `skip`'s own name node. */
function references(root: PyNode, name: string, skip: PyNode): PyNode[] {
  const own = skip.childForFieldName('name');
  return (identifiersByText(root).get(name) ?? []).filter((id) => id !== own);
}

function refuses(block: PyNode): boolean {
  if (block.descendantsOfType('raise_statement').length) return true;
  return block.descendantsOfType('call').some((c) => REFUSING_CALL.test(c.childForFieldName('function')?.text ?? ''));
}

/** A negated opt-in flag in `cond`: `not allow_dangerous_tools`, `allow_dangerous_tools is False`. */
function negatedOptIn(cond: PyNode): boolean {
  for (const u of [cond, ...cond.descendantsOfType(['not_operator', 'comparison_operator'])]) {
    if (u.type === 'not_operator') {
      const arg = u.childForFieldName('argument');
      if (arg && OPT_IN_FLAG.test(arg.text.replace(/^self\./, ''))) return true;
    } else if (u.type === 'comparison_operator' && /\bis\s+False\b|==\s*False\b/.test(u.text)) {
      const first = u.namedChildren[0];
      if (first && OPT_IN_FLAG.test(first.text.replace(/^self\./, ''))) return true;
    }
  }
  return false;
}

function mentions(n: PyNode, name: string): boolean {
  return n.descendantsOfType('identifier').some((i) => i.text === name) || (n.type === 'identifier' && n.text === name);
}

function readsValue(id: PyNode): boolean {
  const p = id.parent;
  if (p?.type === 'subscript' && p.childForFieldName('value') === id) return true;
  if (p?.type === 'attribute' && p.childForFieldName('object') === id) return /^(get|values|items|pop|setdefault)$/.test(p.childForFieldName('attribute')?.text ?? '');
  // handed on whole: `build(REG)`, `return REG`
  if (p?.type === 'argument_list') return !/^(list|sorted|set|frozenset|tuple|len|print)$/.test(p.parent?.childForFieldName('function')?.text ?? '');
  return p?.type === 'return_statement';
}

/**
 * `node` sits in a factory function that the file never calls directly, only stores in a module-level
 * container, and every function that reads that container first refuses unless an opt-in flag is set.
 */
export function pyFactoryBehindOptIn(root: PyNode, node: PyNode): boolean {
  const fn = topFunction(node);
  const name = fn?.childForFieldName('name')?.text;
  if (!fn || !name) return false;
  const refs = references(root, name, fn);
  if (!refs.length) return false;
  const registries = new Set<string>();
  for (const r of refs) {
    // a direct call `_make_shell()` enables the tool wherever it happens
    if (r.parent?.type === 'call' && r.parent.childForFieldName('function') === r) return false;
    if (enclosing(r, 'function_definition')) return false;
    const assign = enclosing(r, 'assignment');
    const left = assign?.childForFieldName('left');
    if (!assign || left?.type !== 'identifier') return false;
    registries.add(left.text);
  }
  for (const reg of registries) {
    // every function that takes a factory out of the registry (`REG[name]`, `REG.get(name)`, `REG.values()`)
    // refuses first unless an opt-in flag is set; reading its keys (`list(REG)`, `name in REG`) builds nothing
    const uses = (identifiersByText(root).get(reg) ?? []).filter((id) => enclosing(id, 'function_definition') && readsValue(id));
    if (!uses.length) return false;
    for (const use of uses) {
      const reader = topFunction(use)!;
      const guarded = reader.descendantsOfType('if_statement').some((st) => {
        const cond = st.childForFieldName('condition');
        const body = st.childForFieldName('consequence');
        if (!cond || !body || st.startIndex > use.startIndex || !negatedOptIn(cond) || !refuses(body)) return false;
        // the check is about this registry: its condition names it, or an enclosing `if` does
        if (mentions(cond, reg)) return true;
        for (let p = st.parent; p && p !== reader; p = p.parent) {
          const c = p.type === 'if_statement' || p.type === 'elif_clause' ? p.childForFieldName('condition') : null;
          if (c && mentions(c, reg)) return true;
        }
        return false;
      });
      if (!guarded) return false;
    }
  }
  return registries.size > 0;
}

/** Base classes that make a class a tool an agent can be given. */
const TOOL_BASE = /(^|\.)(BaseTool|StructuredTool|Tool|BaseToolkit)$/;

function isToolClass(cls: PyNode): boolean {
  const supers = cls.childForFieldName('superclasses');
  return !!supers && supers.namedChildren.some((s) => TOOL_BASE.test(s.text.replace(/\[.*$/s, '')));
}

/**
 * `node` is part of the definition of a tool class: inside its body, or in a module-level function the
 * file only references from such class bodies (a `default_factory` of one of its fields).
 */
export function pyInToolDefinition(root: PyNode, node: PyNode): boolean {
  const cls = enclosing(node, 'class_definition');
  if (cls) return isToolClass(cls) && unusedHere(root, cls);
  const fn = topFunction(node);
  const name = fn?.childForFieldName('name')?.text;
  if (!fn || !name) return false;
  const refs = references(root, name, fn);
  return refs.length > 0 && refs.every((r) => {
    const c = enclosing(r, 'class_definition');
    return !!c && isToolClass(c) && !enclosing(r, 'function_definition') && unusedHere(root, c);
  });
}

/**
 * The class is defined here and used elsewhere: the file names it only inside its own body, or inside other
 * tool/toolkit classes that are themselves only defined here (a toolkit composing another).
 */
function unusedHere(root: PyNode, cls: PyNode, depth = 0): boolean {
  const name = cls.childForFieldName('name')?.text;
  if (!name || depth > 3) return false;
  return references(root, name, cls).every((r) => {
    if (r.startIndex >= cls.startIndex && r.endIndex <= cls.endIndex) return true;
    const other = enclosing(r, 'class_definition');
    return !!other && other !== cls && isToolClass(other) && unusedHere(root, other, depth + 1);
  });
}

/** Statements that leave the function: the whole body is `raise ...` / `return ...` (or a refusing call then one). */
function exits(block: PyNode): boolean {
  const last = block.namedChildren.filter((c) => c.type !== 'comment').pop();
  if (!last) return false;
  if (last.type === 'raise_statement' || last.type === 'return_statement') return true;
  const call = last.type === 'expression_statement' ? last.namedChildren[0] : undefined;
  return call?.type === 'call' && REFUSING_CALL.test(call.childForFieldName('function')?.text ?? '');
}

/**
 * `node` runs only after its function refused unless the caller opted in: an earlier statement of an
 * enclosing block is `if not allow_dangerous_deserialization: raise ...` (or `return`).
 */
export function pyAfterOptInCheck(node: PyNode): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'module') {
      for (const st of p.namedChildren) {
        if (st.startIndex >= child.startIndex) break;
        if (st.type !== 'if_statement' || st.childForFieldName('alternative')) continue;
        const cond = st.childForFieldName('condition');
        const body = st.childForFieldName('consequence');
        if (cond && body && negatedOptIn(cond) && exits(body)) return true;
      }
    }
    if (p.type === 'function_definition') return false;
  }
  return false;
}
