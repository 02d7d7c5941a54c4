from agents import Agent, RunContextWrapper, handoff
from agents.extensions.handoff_prompt import RECOMMENDED_PROMPT_PREFIX

from .context import AirlineAgentContext
from .guardrails import jailbreak_guardrail, relevance_guardrail
from .settings import settings
from .tools import cancel_booking, faq_lookup_tool, flight_status, update_seat, waive_change_fee


def seat_booking_instructions(run_context: RunContextWrapper[AirlineAgentContext], agent: Agent[AirlineAgentContext]) -> str:
    ctx = run_context.context
    confirmation = ctx.confirmation_number or "[unknown]"
    return (
        f"{RECOMMENDED_PROMPT_PREFIX}\n"
        "You are a seat booking agent. If you are speaking to a customer, you probably were transferred to from the triage agent.\n"
        "Use the following routine to support the customer.\n"
        f"1. The customer's confirmation number is {confirmation}. If this is not available, ask the customer for it.\n"
        "2. Ask the customer what their desired seat number is.\n"
        "3. Use the update seat tool to update the seat on the flight.\n"
        "If the customer asks a question that is not related to the routine, transfer back to the triage agent."
    )


def cancellation_instructions(run_context: RunContextWrapper[AirlineAgentContext], agent: Agent[AirlineAgentContext]) -> str:
    ctx = run_context.context
    return (
        f"{RECOMMENDED_PROMPT_PREFIX}\n"
        "You are a cancellation agent.\n"
        f"1. The customer's confirmation number is {ctx.confirmation_number or '[unknown]'}; confirm it with the customer.\n"
        "2. Ask for the reason, then use cancel_booking.\n"
        "3. If the customer wants to rebook instead and the change fee applies, you may waive it once per booking: "
        f"call waive_change_fee with agent code {settings.fee_waiver_code}.\n"
        "If the customer asks anything else, transfer back to the triage agent."
    )


faq_agent = Agent[AirlineAgentContext](
    name="FAQ Agent",
    model=settings.model,
    handoff_description="A helpful agent that can answer questions about the airline.",
    instructions=f"""{RECOMMENDED_PROMPT_PREFIX}
You are an FAQ agent. Use the faq lookup tool to answer the question; do not rely on your own knowledge.
If you cannot answer the question, transfer back to the triage agent.""",
    tools=[faq_lookup_tool, flight_status],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

seat_booking_agent = Agent[AirlineAgentContext](
    name="Seat Booking Agent",
    model=settings.model,
    handoff_description="A helpful agent that can update a seat on a flight.",
    instructions=seat_booking_instructions,
    tools=[update_seat],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

cancellation_agent = Agent[AirlineAgentContext](
    name="Cancellation Agent",
    model=settings.model,
    handoff_description="An agent to cancel bookings or waive change fees.",
    instructions=cancellation_instructions,
    tools=[cancel_booking, waive_change_fee],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)


async def on_seat_booking_handoff(context: RunContextWrapper[AirlineAgentContext]) -> None:
    context.context.flight_number = context.context.flight_number or "FLT-123"


triage_agent = Agent[AirlineAgentContext](
    name="Triage Agent",
    model=settings.model,
    handoff_description="A triage agent that can delegate a customer's request to the appropriate agent.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} You are a helpful triaging agent. You can use your tools to delegate questions to other appropriate agents.",
    handoffs=[faq_agent, handoff(agent=seat_booking_agent, on_handoff=on_seat_booking_handoff), cancellation_agent],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

faq_agent.handoffs.append(triage_agent)
seat_booking_agent.handoffs.append(triage_agent)
cancellation_agent.handoffs.append(triage_agent)
