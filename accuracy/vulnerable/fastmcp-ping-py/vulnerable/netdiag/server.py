import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("netdiag")


def _build(host: str, count: int) -> list[str]:
    return ["ping", "-c", str(count), host]


@mcp.tool()
def ping(host: str, count: int = 3) -> str:
    """Ping a host and return the summary."""
    parts = _build(host, count)
    out = subprocess.check_output(" ".join(parts), shell=True, text=True, timeout=30)
    return out.splitlines()[-1]


if __name__ == "__main__":
    mcp.run()
