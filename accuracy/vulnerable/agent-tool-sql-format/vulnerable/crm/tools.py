import sqlite3

from langchain_core.tools import tool

DB = sqlite3.connect("crm.db", check_same_thread=False)


@tool
def lookup_customer(name: str) -> list[tuple]:
    """Find customers by name."""
    cur = DB.cursor()
    cur.execute(f"SELECT id, name, email FROM customers WHERE name LIKE '%{name}%'")
    return cur.fetchall()
