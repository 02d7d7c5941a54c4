/**
 * MCP over stdio (newline-delimited JSON-RPC) that survives bad input: a message above the size limit is skipped up to
 * its newline and answered with a JSON-RPC error (when its id can be read), a line that is not JSON-RPC is reported and
 * skipped, and the end of stdin closes the transport (the server then exits). The SDK's StdioServerTransport closes the
 * whole connection on a message above its buffer limit; an agent sending a huge snippet must get an error instead.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';

/** The largest message read, in bytes (a snippet of the largest accepted size, JSON-escaped, fits). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  /** Inside a message above the limit: its first and latest bytes (to find its id), until its newline. */
  private oversized?: { head: string; tail: string; bytes: number };
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer | string): void => {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    while (buf.length) {
      const nl = buf.indexOf(10);
      const part = nl < 0 ? buf : buf.subarray(0, nl);
      if (this.oversized) {
        this.oversized.bytes += part.length;
        this.oversized.tail = (this.oversized.tail + part.subarray(Math.max(0, part.length - 256)).toString('latin1')).slice(-256);
      } else if (this.size + part.length > this.maxBytes) {
        const head = Buffer.concat([...this.chunks, part]).subarray(0, 256).toString('latin1');
        this.oversized = { head, tail: part.subarray(Math.max(0, part.length - 256)).toString('latin1'), bytes: this.size + part.length };
        this.chunks = [];
        this.size = 0;
      } else {
        this.chunks.push(part);
        this.size += part.length;
      }
      if (nl < 0) break;
      this.endOfLine();
      buf = buf.subarray(nl + 1);
    }
  };

  private endOfLine(): void {
    if (this.oversized) {
      const { head, tail, bytes } = this.oversized;
      this.oversized = undefined;
      const id = /"id"\s*:\s*("(?:[^"\\]|\\.){0,100}"|-?\d{1,15})/.exec(head)?.[1] ?? /"id"\s*:\s*("(?:[^"\\]|\\.){0,100}"|-?\d{1,15})\s*}\s*$/.exec(tail)?.[1];
      const message = `message of ${bytes} bytes is above the ${this.maxBytes}-byte limit of aisec mcp: not read (send a smaller snippet, or save it and use scan_file)`;
      this.onerror?.(new Error(message));
      if (id !== undefined) void this.send({ jsonrpc: '2.0', id: JSON.parse(id) as string | number, error: { code: -32600, message } });
      return;
    }
    const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.size = 0;
    if (!line.trim()) return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch (e) {
      // no id to answer: reported on stderr and skipped
      this.onerror?.(new Error(`a line that is not a JSON-RPC message was skipped: ${(e as Error).message.slice(0, 200)}`));
      return;
    }
    this.onmessage?.(message);
  }

  private readonly onEnd = (): void => {
    void this.close();
  };

  private readonly onError = (e: Error): void => {
    this.onerror?.(e);
  };

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(JSON.stringify(message) + '\n')) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onError);
    this.chunks = [];
    this.onclose?.();
  }
}
