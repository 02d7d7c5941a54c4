// A coding agent speaking the Agent Client Protocol: before an edit runs, the client (the editor) shows the
// proposed change as a diff for the user's approval. The file's current text goes to that view, not to the model.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export async function buildToolCallMeta(toolCall) {
    const name = toolCall.function.name;
    const args = toolCall.function.arguments ?? {};
    const path = typeof args.path === 'string' ? args.path : undefined;
    const content = [];
    if (path && name === 'string_replace') {
        const diff = await buildStringReplaceDiff(path, args);
        if (diff) content.push(diff);
    } else if (path && name === 'write_file') {
        content.push(await buildWriteFileDiff(path, args));
    }
    return { title: `${name}: ${path}`, kind: 'edit', locations: path ? [{ path: resolve(path) }] : [], content };
}

async function buildStringReplaceDiff(path, args) {
    const absPath = resolve(path);
    let current;
    try {
        // ok: tool-argument-path-traversal
        current = await readFile(absPath, 'utf8');
    } catch {
        return { type: 'diff', path: absPath, oldText: args.old_str, newText: args.new_str };
    }
    if (current.split(args.old_str).length - 1 !== 1) {
        return { type: 'diff', path: absPath, oldText: args.old_str, newText: args.new_str };
    }
    return { type: 'diff', path: absPath, oldText: current, newText: current.replace(args.old_str, args.new_str) };
}

async function buildWriteFileDiff(path, args) {
    const absPath = resolve(path);
    let oldText = null;
    try {
        // ok: tool-argument-path-traversal
        oldText = await readFile(absPath, 'utf8');
    } catch {
        oldText = null;
    }
    return { type: 'diff', path: absPath, oldText, newText: String(args.content ?? '') };
}

// The same loop, but a read_file call is answered inline: the text becomes the tool result the model reads.
export async function runToolCalls(toolCalls, messages) {
    for (const toolCall of toolCalls) {
        const args = toolCall.function.arguments ?? {};
        if (toolCall.function.name === 'read_file') {
            // ruleid: tool-argument-path-traversal
            const text = await readFile(resolve(args.path), 'utf8');
            messages.push({ role: 'tool', tool_call_id: toolCall.id, content: text });
        }
    }
}

// A preview that also hands the current text back as the tool's output: the model sees the file.
export async function previewEdit(toolCall) {
    const args = toolCall.function.arguments ?? {};
    const absPath = resolve(args.path);
    // ruleid: tool-argument-path-traversal
    const before = await readFile(absPath, 'utf8');
    return {
        content: [{ type: 'diff', path: absPath, oldText: before, newText: args.content }],
        output: before,
    };
}
