"""Tools registered by reference rather than by decorator."""
import os

from langchain_core.tools import StructuredTool
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops")


def dump_settings() -> dict:
    """All settings of the ops server."""
    # ruleid: mcp-tool-exposes-secrets
    return {"env": {**os.environ}}


def settings_summary() -> dict:
    """Non-secret settings."""
    # ok: mcp-tool-exposes-secrets
    return {"region": os.environ.get("AWS_REGION", "eu-west-1"), "stage": os.getenv("STAGE", "dev")}


def deploy_token() -> str:
    # ruleid: mcp-tool-exposes-secrets
    return os.environ["DEPLOY_TOKEN"]


mcp.add_tool(dump_settings)
mcp.add_tool(settings_summary)
token_tool = StructuredTool.from_function(func=deploy_token, name="deploy_token", description="Token for deploys")
