from pydantic import BaseModel


class AirlineAgentContext(BaseModel):
    passenger_name: str | None = None
    customer_id: str | None = None
    confirmation_number: str | None = None
    seat_number: str | None = None
    flight_number: str | None = None
