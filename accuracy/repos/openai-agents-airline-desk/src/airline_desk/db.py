import sqlite3
from contextlib import contextmanager

from .settings import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS bookings (
    confirmation TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    passenger_name TEXT NOT NULL,
    flight_number TEXT NOT NULL,
    seat TEXT,
    status TEXT NOT NULL DEFAULT 'confirmed',
    fee_waived INTEGER NOT NULL DEFAULT 0
);
"""


@contextmanager
def connect(path: str | None = None):
    conn = sqlite3.connect(path or settings.bookings_db)
    conn.row_factory = sqlite3.Row
    try:
        conn.executescript(SCHEMA)
        yield conn
        conn.commit()
    finally:
        conn.close()


def find_booking(conn: sqlite3.Connection, confirmation: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM bookings WHERE confirmation = ?", (confirmation,)).fetchone()


def set_seat(conn: sqlite3.Connection, confirmation: str, seat: str) -> None:
    conn.execute("UPDATE bookings SET seat = ? WHERE confirmation = ?", (seat, confirmation))
