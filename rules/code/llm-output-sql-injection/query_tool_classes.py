"""Tool classes of a toolkit package, next to an app tool and a shell-session tool."""
from typing import Optional, Type

from langchain_core.tools import BaseTool, tool
from pydantic import BaseModel, Field

from warehouse.db import WarehouseDatabase
from warehouse.shell import ShellSession

warehouse_db = WarehouseDatabase.from_uri("postgresql://reader@db/warehouse")


class _QueryInput(BaseModel):
    query: str = Field(..., description="A SQL query to run.")


class QueryWarehouseTool(BaseTool):
    """Runs the SQL query the agent writes; the application that hands it to an agent chooses the database rights."""

    name: str = "warehouse_query"
    description: str = "Execute a SQL query against the warehouse."
    args_schema: Type[BaseModel] = _QueryInput
    db: WarehouseDatabase

    def _run(self, query: str, run_manager: Optional[object] = None) -> str:
        try:
            # ok: llm-output-sql-injection
            return self.db.run(query)
        except Exception as e:
            return f"Error: {e}"


class CountRowsTool(BaseTool):
    name: str = "count_rows"
    description: str = "Count the rows of a table."
    db: WarehouseDatabase

    def _run(self, table: str) -> str:
        # the tool's argument is formatted into a fixed statement: an injection, whatever the tool is for
        # ruleid: llm-output-sql-injection
        return self.db.run(f"SELECT COUNT(*) FROM {table}")


class ShellTool(BaseTool):
    name: str = "shell"
    description: str = "Run a command in the persistent shell."
    session: ShellSession

    def _run(self, command: str) -> str:
        # a shell session's execute, not a SQL cursor
        # ok: llm-output-sql-injection
        return self.session.execute(command, timeout=30).output


@tool
def search_orders(customer: str) -> str:
    """Find a customer's orders."""
    # ruleid: llm-output-sql-injection
    return warehouse_db.run(f"SELECT * FROM orders WHERE customer = '{customer}'")
