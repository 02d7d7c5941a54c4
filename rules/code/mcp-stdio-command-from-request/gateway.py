"""A FastAPI gateway that connects the chat agent to MCP servers chosen in the web UI."""
from fastapi import FastAPI
from pydantic import BaseModel
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from langchain_mcp_adapters.client import MultiServerMCPClient

app = FastAPI()

TRUSTED_SERVERS = {
    "filesystem": StdioServerParameters(command="npx", args=["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/data"]),
}


class ServerSpec(BaseModel):
    command: str
    args: list[str] = []
    env: dict[str, str] = {}


def build_params(spec: ServerSpec) -> StdioServerParameters:
    return StdioServerParameters(
        # ruleid: mcp-stdio-command-from-request
        command=spec.command,
        # ruleid: mcp-stdio-command-from-request
        args=spec.args,
        # ruleid: mcp-stdio-command-from-request
        env=spec.env,
    )


@app.post("/connect")
async def connect(spec: ServerSpec):
    params = build_params(spec)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return {"tools": [t.name for t in (await session.list_tools()).tools]}


@app.post("/agent/servers")
async def add_server(name: str, command: str):
    client = MultiServerMCPClient({
        # ruleid: mcp-stdio-command-from-request
        name: {"command": command, "args": [], "transport": "stdio"},
    })
    return {"tools": len(await client.get_tools())}


@app.post("/connect/trusted")
async def connect_trusted(name: str):
    # the request picks a key of the operator's table; the command comes from the table
    if name not in TRUSTED_SERVERS:
        return {"error": "unknown server"}
    # ok: mcp-stdio-command-from-request
    async with stdio_client(TRUSTED_SERVERS[name]) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return {"ok": True}


def params_from_config(config: dict) -> StdioServerParameters:
    # a config file the operator wrote, not a request
    # ok: mcp-stdio-command-from-request
    return StdioServerParameters(command=config["command"], args=config.get("args", []))


from langchain_core.tools import tool


@tool
async def connect_mcp_server(command: str, args: list[str]) -> str:
    """Connect the assistant to another MCP server."""
    # ruleid: mcp-stdio-command-from-request
    params = StdioServerParameters(command=command, args=args)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return "connected"
