import sqlite3

import pandas as pd

import psycopg2
from django.contrib.auth.models import User
from google import genai
from openai import OpenAI
from sqlalchemy import create_engine, text

client = OpenAI()
gemini = genai.Client()
engine = create_engine("postgresql://localhost/app")
conn = sqlite3.connect("app.db")


def answer_question(question: str) -> list:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Which product category is this about? {question}"}],
    )
    category = completion.choices[0].message.content.strip()
    cur = conn.cursor()
    # ruleid: llm-output-sql-injection
    cur.execute(f"SELECT name, price FROM products WHERE category = '{category}'")
    # ruleid: llm-output-sql-injection
    cur.execute("SELECT name FROM products WHERE category = '" + category + "'")
    # ruleid: llm-output-sql-injection
    cur.execute("SELECT name FROM products WHERE category = '{}'".format(category))
    # ruleid: llm-output-sql-injection
    cur.execute("SELECT name FROM products WHERE category = '%s'" % category)
    # ok: llm-output-sql-injection
    cur.execute("SELECT name, price FROM products WHERE category = ?", (category,))
    # ok: llm-output-sql-injection
    cur.executemany("INSERT INTO log (category) VALUES (?)", [(category,)])
    return cur.fetchall()


def text_to_sql(question: str):
    resp = gemini.models.generate_content(model="gemini-2.5-flash", contents=f"Write SQL for: {question}")
    generated = resp.text
    with engine.connect() as db:
        # ruleid: llm-output-sql-injection
        rows = db.execute(text(generated)).fetchall()
        # ok: llm-output-sql-injection
        count = db.execute(text("SELECT count(*) FROM products WHERE name = :n"), {"n": generated}).scalar()
    return rows, count


def django_search(question: str):
    label = client.responses.create(model="gpt-4.1-mini", input=question).output_text
    query = "SELECT * FROM auth_user WHERE last_name = '%s'" % label
    # ruleid: llm-output-sql-injection
    users = User.objects.raw(query)
    # ok: llm-output-sql-injection
    same = User.objects.raw("SELECT * FROM auth_user WHERE last_name = %s", [label])
    return users, same


def constant_query():
    pg = psycopg2.connect("dbname=app")
    cursor = pg.cursor()
    table = "products"
    # ok: llm-output-sql-injection
    cursor.execute(f"SELECT count(*) FROM {table}")
    return cursor.fetchone()


def numeric_limit(question: str):
    n = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}]).choices[0].message.content
    limit = int(n)
    # ok: llm-output-sql-injection
    conn.execute(f"SELECT * FROM products LIMIT {limit}")


class ReportWriter:
    """Model-written SQL run through pandas: the connection decides whether it can write."""

    def __init__(self, path: str):
        self.rw = sqlite3.connect(path)
        self.ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def _sql(self, question: str) -> str:
        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}]).choices[0].message.content

    def on_writable(self, question: str):
        # ruleid: llm-output-sql-injection
        return pd.read_sql_query(self._sql(question), self.rw)

    def on_read_only(self, question: str):
        # ok: llm-output-sql-injection
        return pd.read_sql_query(self._sql(question), self.ro)
