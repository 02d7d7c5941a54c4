from mcp.server.fastmcp import FastMCP

mcp = FastMCP("shell-helper", host="0.0.0.0", port=8765)


@mcp.tool()
def uptime() -> str:
    """Server uptime."""
    with open("/proc/uptime") as fh:
        return fh.read()


if __name__ == "__main__":
    mcp.run(transport="sse")
