import pytest


@pytest.fixture(autouse=True)
def bookings_db(tmp_path, monkeypatch):
    from airline_desk import db, settings

    path = str(tmp_path / "bookings.sqlite3")
    monkeypatch.setattr(settings, "settings", settings.Settings(bookings_db=path))
    monkeypatch.setattr(db, "settings", settings.Settings(bookings_db=path))
    with db.connect(path) as conn:
        conn.execute(
            "INSERT INTO bookings (confirmation, customer_id, passenger_name, flight_number, seat) VALUES (?, ?, ?, ?, ?)",
            ("LL0EZ6", "cust_1", "Ada Lovelace", "FLT-123", "12C"),
        )
    return path
