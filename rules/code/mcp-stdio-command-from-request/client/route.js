// A playground's route handler (Next.js App Router): the query string of the request names the server to launch.
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export async function GET(req) {
    const { searchParams } = new URL(req.url);
    const command = searchParams.get("command");
    const parsed = new URL(req.url);
    const transport = new StdioClientTransport({
        // ruleid: mcp-stdio-command-from-request
        command,
        // ruleid: mcp-stdio-command-from-request
        args: parsed.searchParams.get("args").split(","),
    });
    await transport.start();
    return Response.json({ ok: true });
}
