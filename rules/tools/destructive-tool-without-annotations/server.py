import re
import shutil
import subprocess

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("files")
WRITE = ToolAnnotations(readOnlyHint=False, destructiveHint=True)
TITLE_ONLY = ToolAnnotations(title="Shell")


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def delete_directory(path: str) -> str:
    """Delete a directory and everything in it."""
    shutil.rmtree(path)
    return "deleted"


@mcp.tool(annotations=ToolAnnotations(title="Delete file", destructiveHint=True))
# ok: destructive-tool-without-annotations
def delete_file(path: str) -> str:
    """Delete one file."""
    return "deleted"


@mcp.tool(name="pay_invoice", annotations={"title": "Pay invoice"})
# ruleid: destructive-tool-without-annotations
async def pay(invoice_id: str, amount: float) -> str:
    """Pay a supplier invoice from the company account."""
    return "paid"


@mcp.tool()
# ok: destructive-tool-without-annotations
async def send_reminder(invoice_id: str, confirm: bool = False) -> str:
    """Send a payment reminder; does nothing unless confirm is True."""
    return "queued"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
# ok: destructive-tool-without-annotations
def run_health_check() -> str:
    """Run the read-only health check."""
    return "ok"


@mcp.tool()
# ok: destructive-tool-without-annotations
def list_invoices() -> list[str]:
    """List unpaid invoices."""
    return []


@mcp.tool()
# ok: destructive-tool-without-annotations
def run_benchmark(suite: str) -> str:
    """Run the benchmark suite and return the timings."""
    return suite


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def run_python(code: str) -> str:
    """Run Python code in the server process."""
    return code


@mcp.tool()
# ok: destructive-tool-without-annotations
def list_deleted_files(folder: str) -> list[str]:
    """List the files deleted from a folder in the last 30 days."""
    return []


@mcp.tool()
# ok: destructive-tool-without-annotations
def restore_deleted_file(file_id: str) -> str:
    """Restore a deleted file from the recycle bin."""
    return file_id


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def purge_deleted_files(folder: str) -> str:
    """Permanently remove every file in the recycle bin."""
    return folder


@mcp.tool()
# ok: destructive-tool-without-annotations
def kill_background_job(job_id: str) -> str:
    """Stop a background job started earlier by this server."""
    return job_id


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def terminate_process(pid: int) -> str:
    """Terminate a process on the host by PID."""
    return str(pid)


# readOnlyHint=False declares a writing tool (MCP then defaults destructiveHint to true)
@mcp.tool(annotations=ToolAnnotations(title="Run SQL", readOnlyHint=False))
# ok: destructive-tool-without-annotations
def run_sql_query(query: str) -> str:
    """Execute an arbitrary SQL statement; it can read and modify data."""
    return query


# annotations held in a module-level constant
@mcp.tool(annotations=WRITE)
# ok: destructive-tool-without-annotations
def execute_command(command: str) -> str:
    """Execute a shell command."""
    return command


@mcp.tool(annotations=TITLE_ONLY)
# ruleid: destructive-tool-without-annotations
def run_shell(command: str) -> str:
    """Run a shell command."""
    return command


# a handler that refuses anything but a SELECT only reads
def validate_query(sql: str) -> None:
    if not sql.strip().lower().startswith("select"):
        raise ValueError("only SELECT statements are allowed")


@mcp.tool()
# ok: destructive-tool-without-annotations
def run_query(sql: str) -> str:
    """Run a SQL query against the warehouse."""
    validate_query(sql)
    return sql


@mcp.tool()
# ok: destructive-tool-without-annotations
def execute_sql(sql: str) -> str:
    """Execute a SQL statement."""
    if not re.match(r"^\s*select\b", sql, re.IGNORECASE):
        return "only SELECT is allowed"
    return sql


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def execute_statement(sql: str) -> str:
    """Execute a SQL statement."""
    if sql.strip().lower().startswith("select"):
        return "use run_query for reads"
    return sql


# the model provider runs the code in its hosted sandbox
@mcp.tool()
# ok: destructive-tool-without-annotations
def run_code(task: str) -> str:
    """Let Gemini write and run Python code for a computation."""
    response = client.models.generate_content(
        model="gemini-2.5-pro",
        contents=task,
        config=types.GenerateContentConfig(tools=[types.Tool(code_execution=types.ToolCodeExecution())]),
    )
    return response.text


@mcp.tool()
# ruleid: destructive-tool-without-annotations
def run_generated_code(task: str) -> str:
    """Let Gemini write Python code, then run it here."""
    response = client.models.generate_content(
        model="gemini-2.5-pro",
        contents=task,
        config=types.GenerateContentConfig(tools=[types.Tool(code_execution=types.ToolCodeExecution())]),
    )
    return subprocess.run(["python", "-c", response.text], capture_output=True, text=True).stdout
