"""Model-written SQL and model-chosen values reaching SQL through wrappers and tool functions."""
import duckdb
import pandas as pd
import sqlite3
from langchain_community.utilities import SQLDatabase
from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP
from openai import OpenAI
from sqlalchemy import create_engine, text

client = OpenAI()
engine = create_engine("sqlite:///shop.db")
database = SQLDatabase.from_uri("sqlite:///shop.db")
con = duckdb.connect("analytics.duckdb")
mcp = FastMCP("shop")


class SqlRunner:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)

    def run_sql(self, sql: str) -> pd.DataFrame:
        # ruleid: llm-output-sql-injection
        return pd.read_sql_query(sql, self.conn)

    def generate_sql(self, question: str) -> str:
        resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
        return resp.choices[0].message.content

    def ask(self, question: str):
        sql = self.generate_sql(question)
        return self.run_sql(sql)


def write_query(question: str) -> str:
    resp = client.responses.create(model="gpt-4.1", input=f"SQL for: {question}")
    return resp.output_text


def answer(question: str):
    query = write_query(question)
    # ruleid: llm-output-sql-injection
    rows = database.run(query)
    # ruleid: llm-output-sql-injection
    frame = duckdb.sql(query).df()
    # ruleid: llm-output-sql-injection
    con.sql(query)
    # ruleid: llm-output-sql-injection
    table = pd.read_sql(query, engine)
    with engine.connect() as db:
        # ruleid: llm-output-sql-injection
        stmt = text(query)
        db.execute(stmt)
        # ok: llm-output-sql-injection
        db.execute(text("SELECT * FROM orders WHERE note = :note"), {"note": query})
    return rows, frame, table


@mcp.tool()
def find_orders(customer: str, status: str = "open") -> list:
    """Find a customer's orders."""
    sql = f"SELECT id, total FROM orders WHERE customer = '{customer}' AND status = '{status}'"
    with sqlite3.connect("shop.db") as conn:
        # ruleid: llm-output-sql-injection
        return conn.execute(sql).fetchall()


@mcp.tool()
def order_count(customer: str) -> int:
    query = "SELECT count(*) FROM orders WHERE customer = '%s'" % customer
    # ruleid: llm-output-sql-injection
    return pd.read_sql(query, engine).iloc[0, 0]


@mcp.tool()
def top_products(category: str, limit: int = 10) -> list:
    query = "SELECT name FROM products WHERE category = '" + category + "' LIMIT " + str(limit)
    # ruleid: llm-output-sql-injection
    return con.sql(query).fetchall()


@tool
def product_lookup(name: str) -> str:
    """Look a product up by name."""
    # ruleid: llm-output-sql-injection
    return database.run("SELECT * FROM products WHERE name = '{}'".format(name))


@mcp.tool()
def find_orders_safe(customer: str) -> list:
    with sqlite3.connect("shop.db") as conn:
        # ok: llm-output-sql-injection
        return conn.execute("SELECT id, total FROM orders WHERE customer = ?", (customer,)).fetchall()


@mcp.tool()
def order_count_safe(customer: str) -> int:
    # ok: llm-output-sql-injection
    return pd.read_sql("SELECT count(*) FROM orders WHERE customer = %(c)s", engine, params={"c": customer}).iloc[0, 0]


@mcp.tool()
def top_products_safe(category: str, limit: int = 10) -> list:
    # ok: llm-output-sql-injection
    return con.execute("SELECT name FROM products WHERE category = ? LIMIT ?", [category, limit]).fetchall()


@mcp.tool()
def sales_by(column: str) -> list:
    if column not in {"region", "channel"}:
        raise ValueError(column)
    # ok: llm-output-sql-injection
    return con.sql(f"SELECT {column}, sum(total) FROM sales GROUP BY 1").fetchall()
