import shlex
import sqlite3
import subprocess
from typing import Annotated, Literal, Optional

from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

mcp = FastMCP("ops")
db = sqlite3.connect("analytics.db")


@mcp.tool()
# an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
# ok: tool-schema-free-form-dangerous-parameter
def run(command: str, timeout: int = 30) -> str:
    """Run a shell command on the ops host."""
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=timeout).stdout


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def run_step(command: Literal["lint", "test", "build"]) -> str:
    """Run one predefined build step."""
    return subprocess.run(["make", command], capture_output=True, text=True).stdout


@mcp.tool(name="query")
# an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
# ok: tool-schema-free-form-dangerous-parameter
async def query(sql: Optional[str] = None) -> list[dict]:
    """Run SQL against the analytics database."""
    return db.execute(sql).fetchall()


@mcp.tool()
# an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
# ok: tool-schema-free-form-dangerous-parameter
async def execute(code: str | None = None) -> str:
    """Execute Python code in the sandbox and return stdout."""
    scope: dict = {}
    exec(code, scope)
    return str(scope.get("result"))


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def redeem(code: str) -> bool:
    """Redeem a promo code for the current customer."""
    return True


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def lookup(sql: Annotated[str, Field(pattern=r"^SELECT [a-z_, ]+ FROM reports WHERE id = \d+$")]) -> list[dict]:
    """Read one report row."""
    return []


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def explain(sql: str) -> str:
    """Explain what an SQL statement does, in words (the statement is never run)."""
    return f"The statement {sql!r} selects rows."


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def grep_logs(command: str) -> str:
    """Search the logs for a command name; the argument is quoted as one word."""
    return subprocess.run(f"grep -F {shlex.quote(command)} /var/log/ops.log", shell=True, capture_output=True, text=True).stdout


@mcp.tool()
# ok: tool-schema-free-form-dangerous-parameter
def report(sql: str, region: str) -> list:
    """Run a saved SQL report by name for a region."""
    return db.execute("SELECT * FROM saved_reports WHERE name = ? AND region = ?", (sql, region)).fetchall()


# ok: tool-schema-free-form-dangerous-parameter
def internal_helper(command: str) -> str:
    return command


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
# ok: tool-schema-free-form-dangerous-parameter
def write_sql(sql: str) -> int:
    """Run one INSERT, UPDATE or DELETE statement against the analytics database."""
    return db.execute(sql).rowcount


@mcp.tool(annotations={"title": "Maintenance"})
# an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
# ok: tool-schema-free-form-dangerous-parameter
def maintenance(command: str) -> str:
    """Run a maintenance command on the database host."""
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@mcp.tool()
# ruleid: tool-schema-free-form-dangerous-parameter
def git_log(command: str) -> str:
    """Show the git history; `command` holds extra git log options."""
    # the free-form value is formatted into a fixed command line: an injection, not the tool's purpose
    return subprocess.run(f"git log --oneline {command}", shell=True, capture_output=True, text=True).stdout


@tool
# an agent tool (LangChain), not an MCP server's: the model's command runs as soon as it asks
# ruleid: tool-schema-free-form-dangerous-parameter
def shell(command: str) -> str:
    """Run a shell command for the research agent."""
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
