from jinja2 import Template
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("render")


@mcp.tool()
def render_card(template: str, name: str) -> str:
    """Render a card from a layout the model chose."""
    # ruleid: untrusted-template-compilation
    return Template(template).render(name=name)


@mcp.tool()
def render_default(name: str) -> str:
    # ok: untrusted-template-compilation
    return Template("<b>{{ name }}</b>").render(name=name)
