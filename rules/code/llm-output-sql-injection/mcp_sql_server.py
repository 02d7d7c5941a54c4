"""FastMCP servers whose tools run the SQL their client sends."""
import sqlite3

import psycopg
from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("analytics")
DSN = "postgresql://reporter@db/analytics"


@mcp.tool()
def run_query(sql: str) -> list:
    """Run a read-only SQL query."""
    with psycopg.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("BEGIN TRANSACTION READ ONLY")
        # psycopg sends the whole text: "COMMIT; DELETE FROM events" runs after the read-only transaction
        # ruleid: llm-output-sql-injection
        cur.execute(sql)
        return cur.fetchall()


@mcp.tool()
def run_query_session(sql: str) -> list:
    """Run a read-only SQL query."""
    with psycopg.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        # ok: llm-output-sql-injection
        cur.execute(sql)
        return cur.fetchall()


@mcp.tool()
def count_events(kind: str) -> int:
    # the analytics server only reads: a WHERE clause the model writes reaches what its tools do not offer
    conn = sqlite3.connect("notes.db")
    # ruleid: llm-output-sql-injection
    return conn.execute(f"SELECT count(*) FROM events WHERE kind = '{kind}'").fetchone()[0]


notes = FastMCP("notes")


@notes.tool()
def query_local(sql: str) -> list:
    """Run any SQL on the local notes database (the tool's purpose)."""
    conn = sqlite3.connect("notes.db")
    # ok: llm-output-sql-injection
    return conn.execute(sql).fetchall()


@notes.tool()
def delete_notes(where: str) -> int:
    """Delete the notes matching a WHERE clause."""
    # the same server runs any SQL its client writes (query_local): formatting a clause adds nothing
    conn = sqlite3.connect("notes.db")
    # ok: llm-output-sql-injection
    return conn.execute(f"DELETE FROM notes WHERE {where}").rowcount


@notes.tool()
def read_only_query(sql: str) -> list:
    """Run a read-only query."""
    with psycopg.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("BEGIN TRANSACTION READ ONLY")
        # escaping the read-only transaction gives what query_local offers anyway
        # ok: llm-output-sql-injection
        cur.execute(sql)
        return cur.fetchall()


@tool
def run_sql(query: str) -> list:
    """An agent's own SQL tool: the agent runs whatever the model writes, nothing asks first."""
    conn = sqlite3.connect("notes.db")
    # ruleid: llm-output-sql-injection
    return conn.execute(query).fetchall()
