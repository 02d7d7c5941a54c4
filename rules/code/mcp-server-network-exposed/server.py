import os

import uvicorn
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

from .auth import JwtTokenVerifier

files = FastMCP("files")
secured = FastMCP(
    "secured-files",
    token_verifier=JwtTokenVerifier(os.environ["JWKS_URL"]),
    auth=AuthSettings(issuer_url="https://auth.example.com", resource_server_url="https://mcp.example.com"),
)
local = FastMCP("local-notes", host="127.0.0.1")
exposed = FastMCP("shared-notes", host="0.0.0.0", port=8080)


@files.tool()
def read_file(path: str) -> str:
    with open(os.path.join("/srv/docs", os.path.basename(path))) as fh:
        return fh.read()


if __name__ == "__main__":
    mode = os.environ.get("MODE", "files")
    if mode == "files":
        # ruleid: mcp-server-network-exposed
        files.run(transport="streamable-http", host="0.0.0.0")
    elif mode == "secured":
        # ok: mcp-server-network-exposed
        secured.run(transport="streamable-http", host="0.0.0.0")
    elif mode == "local":
        # ok: mcp-server-network-exposed
        local.run(transport="sse")
    elif mode == "stdio":
        # ok: mcp-server-network-exposed
        files.run(transport="stdio")
    elif mode == "uvicorn":
        # ruleid: mcp-server-network-exposed
        uvicorn.run(files.streamable_http_app(), host="0.0.0.0", port=8000)
    elif mode == "uvicorn-local":
        # ok: mcp-server-network-exposed
        uvicorn.run(files.sse_app(), host="127.0.0.1", port=8000)
    else:
        app = exposed.sse_app()
        # ruleid: mcp-server-network-exposed
        uvicorn.run(app, host="::", port=8080)
