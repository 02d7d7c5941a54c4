/**
 * Over stdio, LSP messages are framed by `Content-Length` headers. vscode-jsonrpc reports a bad header (missing,
 * not a number) as a reader error and then cannot find the next frame: the server stays alive but deaf. This
 * guard follows the same byte stream alongside the connection (a second 'data' listener, nothing is consumed)
 * and ends the process with a logged reason on a malformed frame, so the client sees an exit and can restart
 * the server instead of waiting forever.
 */
import type { Readable } from 'stream';

/** Larger bodies are refused: no real request comes near it, and a huge length would only buffer memory. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;

export class FrameChecker {
  private header = Buffer.alloc(0);
  private bodyLeft = 0;

  /** Feed a chunk; returns the problem with the framing, if any (after that the stream is unusable). */
  push(chunk: Buffer): string | undefined {
    let data = chunk;
    while (data.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      this.header = Buffer.concat([this.header, data]);
      data = Buffer.alloc(0);
      const end = this.header.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) return `no end of header after ${MAX_HEADER_BYTES} bytes`;
        return undefined;
      }
      const problem = checkHeader(this.header.subarray(0, end).toString('latin1'));
      if (typeof problem === 'string') return problem;
      data = this.header.subarray(end + 4);
      this.header = Buffer.alloc(0);
      this.bodyLeft = problem;
    }
    return undefined;
  }
}

/** The body length of a header block, or what is wrong with it. */
function checkHeader(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const i = line.indexOf(':');
    if (i <= 0) return 'a header line without "name: value"';
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,12}$/.test(value)) return 'Content-Length is not a non-negative integer';
      length = Number(value);
      if (length > MAX_FRAME_BYTES) return `Content-Length ${length} is above the ${MAX_FRAME_BYTES}-byte limit`;
    }
  }
  if (length === undefined) return 'a header without Content-Length';
  return length;
}

/** Watch `input` (process.stdin) and call `fail` once on the first malformed frame. */
export function guardFrames(input: Readable, fail: (reason: string) => void): void {
  const checker = new FrameChecker();
  let failed = false;
  input.on('data', (chunk: Buffer | string) => {
    if (failed) return;
    const problem = checker.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (problem) {
      failed = true;
      fail(problem);
    }
  });
}
