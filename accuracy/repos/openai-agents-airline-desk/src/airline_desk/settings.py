import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    bookings_db: str = os.getenv("BOOKINGS_DB", "bookings.sqlite3")
    flight_status_api: str = os.getenv("FLIGHT_STATUS_API", "https://api.flightstatus.example.com/v2")
    flight_status_api_key: str = os.getenv("FLIGHT_STATUS_API_KEY", "")
    fee_waiver_code: str = os.getenv("FEE_WAIVER_CODE", "")
    model: str = os.getenv("AGENT_MODEL", "gpt-4.1-mini")


settings = Settings()
