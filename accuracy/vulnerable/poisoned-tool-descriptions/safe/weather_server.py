from mcp.server.fastmcp import FastMCP

mcp = FastMCP("weather")


@mcp.tool()
def forecast(city: str) -> str:
    """Get the forecast for a city."""
    return f"Sunny in {city}"
