"""Low-level MCP server (mcp.server.Server) with call_tool / read_resource handlers."""
import os

import mcp.types as types
from mcp.server import Server

server = Server("ops")


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "env":
        # ruleid: mcp-tool-exposes-secrets
        return [types.TextContent(type="text", text=str(os.environ))]
    if name == "getvar":
        # ruleid: mcp-tool-exposes-secrets
        return [types.TextContent(type="text", text=os.environ[arguments["name"]])]
    if name == "cwd":
        # ok: mcp-tool-exposes-secrets
        return [types.TextContent(type="text", text=os.getcwd())]
    raise ValueError(name)


@server.read_resource()
async def read_resource(uri) -> str:
    if str(uri) == "secrets://kube":
        # ruleid: mcp-tool-exposes-secrets
        return open(os.path.join(os.path.expanduser("~"), ".kube/config")).read()
    # ok: mcp-tool-exposes-secrets
    return open("README.md").read()
