import sqlite3

from langchain_core.tools import tool

DB = sqlite3.connect("crm.db", check_same_thread=False)


@tool
def lookup_customer(name: str) -> list[tuple]:
    """Find customers by name."""
    cur = DB.cursor()
    cur.execute("SELECT id, name, email FROM customers WHERE name LIKE ?", (f"%{name}%",))
    return cur.fetchall()
