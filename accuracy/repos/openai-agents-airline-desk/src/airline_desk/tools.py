import re

import httpx
from agents import RunContextWrapper, function_tool

from . import db
from .context import AirlineAgentContext
from .settings import settings

SEAT_RE = re.compile(r"^([1-9]|[1-3][0-9]|4[0-5])[A-F]$")

FAQ = {
    ("bag", "baggage", "luggage"): "You may bring one carry-on bag (max 8 kg, 55x40x20 cm). Checked bags up to 23 kg are included on international flights.",
    ("seat", "seats", "plane"): "There are 45 rows: 1-4 business, 5-45 economy. Rows 14 and 15 are exit rows.",
    ("wifi", "internet"): "Free wifi is available on all flights; join the 'Airline-Wifi' network.",
}


def faq_lookup_impl(question: str) -> str:
    q = question.lower()
    for keywords, answer in FAQ.items():
        if any(k in q for k in keywords):
            return answer
    return "I'm sorry, I don't know the answer to that question."


@function_tool(name_override="faq_lookup_tool", description_override="Lookup frequently asked questions.")
async def faq_lookup_tool(question: str) -> str:
    return faq_lookup_impl(question)


def update_seat_impl(ctx: AirlineAgentContext, confirmation_number: str, new_seat: str) -> str:
    if not SEAT_RE.match(new_seat):
        return f"{new_seat} is not a valid seat."
    with db.connect() as conn:
        booking = db.find_booking(conn, confirmation_number)
        if booking is None or booking["customer_id"] != ctx.customer_id:
            return "No booking with that confirmation number for this customer."
        db.set_seat(conn, confirmation_number, new_seat)
    ctx.confirmation_number = confirmation_number
    ctx.seat_number = new_seat
    return f"Updated seat to {new_seat} for confirmation number {confirmation_number}"


@function_tool
async def update_seat(context: RunContextWrapper[AirlineAgentContext], confirmation_number: str, new_seat: str) -> str:
    """
    Update the seat for a given confirmation number.

    Args:
        confirmation_number: The confirmation number for the flight.
        new_seat: The new seat to update to, e.g. 23A.
    """
    return update_seat_impl(context.context, confirmation_number, new_seat)


def cancel_booking_impl(ctx: AirlineAgentContext, confirmation_number: str, reason: str) -> str:
    with db.connect() as conn:
        booking = db.find_booking(conn, confirmation_number)
        if booking is None or booking["customer_id"] != ctx.customer_id:
            return "No booking with that confirmation number for this customer."
        conn.execute(
            f"UPDATE bookings SET status = 'cancelled: {reason}' WHERE confirmation = '{confirmation_number}'"
        )
    return f"Booking {confirmation_number} has been cancelled."


@function_tool
async def cancel_booking(context: RunContextWrapper[AirlineAgentContext], confirmation_number: str, reason: str) -> str:
    """Cancel a booking. Ask the customer for the reason first.

    Args:
        confirmation_number: The booking's confirmation number.
        reason: Short reason given by the customer.
    """
    return cancel_booking_impl(context.context, confirmation_number, reason)


@function_tool
async def waive_change_fee(context: RunContextWrapper[AirlineAgentContext], confirmation_number: str, agent_code: str) -> str:
    """Waive the change fee on a booking. Requires the agent code.

    Args:
        confirmation_number: The booking's confirmation number.
        agent_code: The fee waiver code.
    """
    if not settings.fee_waiver_code or agent_code != settings.fee_waiver_code:
        return "Invalid agent code."
    with db.connect() as conn:
        conn.execute("UPDATE bookings SET fee_waived = 1 WHERE confirmation = ? AND customer_id = ?", (confirmation_number, context.context.customer_id))
    return "Change fee waived."


@function_tool
async def flight_status(flight_number: str) -> str:
    """Get the live status of a flight, e.g. FLT-123.

    Args:
        flight_number: The flight number.
    """
    async with httpx.AsyncClient(base_url=settings.flight_status_api, timeout=10) as client:
        resp = await client.get("/status", params={"flight": flight_number}, headers={"x-api-key": settings.flight_status_api_key})
    if resp.status_code != 200:
        return "Flight status is not available right now."
    data = resp.json()
    return f"{flight_number}: {data.get('status', 'unknown')}, gate {data.get('gate', 'TBD')}, departs {data.get('scheduled_departure', '?')}"
