import sqlite3

import pytest

ROWS = [
    ("AeroFarms", "vertical farming", "US", 120.0, 450, 2004),
    ("Infarm", "vertical farming", "EU", 85.5, 900, 2013),
    ("Agricool", "vertical farming", "EU", 12.0, 60, 2015),
]


@pytest.fixture
def company_db(tmp_path, monkeypatch):
    path = tmp_path / "companies.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE companies (name TEXT PRIMARY KEY, segment TEXT, region TEXT, revenue_musd REAL, employees INTEGER, founded INTEGER)"
    )
    conn.executemany("INSERT INTO companies VALUES (?, ?, ?, ?, ?, ?)", ROWS)
    conn.commit()
    conn.close()
    monkeypatch.setenv("COMPANY_DB", str(path))
    return path


@pytest.fixture
def reports_dir(tmp_path, monkeypatch):
    out = tmp_path / "output"
    monkeypatch.setenv("REPORTS_DIR", str(out))
    return out
