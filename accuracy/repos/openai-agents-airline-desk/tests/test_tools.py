from airline_desk import db
from airline_desk.context import AirlineAgentContext
from airline_desk.tools import cancel_booking_impl, faq_lookup_impl, update_seat_impl


def test_faq():
    assert "carry-on" in faq_lookup_impl("How much baggage can I bring?")
    assert "don't know" in faq_lookup_impl("Who won the match?")


def test_update_seat_validates_seat(bookings_db):
    ctx = AirlineAgentContext(customer_id="cust_1")
    assert "not a valid seat" in update_seat_impl(ctx, "LL0EZ6", "99Z")
    assert update_seat_impl(ctx, "LL0EZ6", "14A").startswith("Updated seat")
    with db.connect(bookings_db) as conn:
        assert db.find_booking(conn, "LL0EZ6")["seat"] == "14A"


def test_update_seat_other_customer(bookings_db):
    ctx = AirlineAgentContext(customer_id="cust_2")
    assert "No booking" in update_seat_impl(ctx, "LL0EZ6", "14A")


def test_cancel(bookings_db):
    ctx = AirlineAgentContext(customer_id="cust_1")
    assert "cancelled" in cancel_booking_impl(ctx, "LL0EZ6", "plans changed")
    with db.connect(bookings_db) as conn:
        assert db.find_booking(conn, "LL0EZ6")["status"].startswith("cancelled")
