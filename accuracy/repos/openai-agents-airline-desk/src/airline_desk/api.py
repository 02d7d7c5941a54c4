import uuid

from agents import InputGuardrailTripwireTriggered, ItemHelpers, MessageOutputItem, Runner
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

from .agents import cancellation_agent, faq_agent, seat_booking_agent, triage_agent
from .context import AirlineAgentContext

app = FastAPI(title="Airline desk")

AGENTS = {a.name: a for a in (triage_agent, faq_agent, seat_booking_agent, cancellation_agent)}
CONVERSATIONS: dict[str, dict] = {}


class ChatRequest(BaseModel):
    conversation_id: str | None = None
    message: str = Field(min_length=1, max_length=4000)


class ChatResponse(BaseModel):
    conversation_id: str
    current_agent: str
    messages: list[dict]
    guardrail_tripped: bool = False


def current_customer(x_customer_id: str = Header(...)) -> str:
    # The web app sits behind the airline's login gateway, which sets this header.
    return x_customer_id


@app.post("/chat", response_model=ChatResponse)
async def chat(req: ChatRequest, customer_id: str = Depends(current_customer)) -> ChatResponse:
    if req.conversation_id and req.conversation_id in CONVERSATIONS:
        state = CONVERSATIONS[req.conversation_id]
        if state["context"].customer_id != customer_id:
            raise HTTPException(status_code=404, detail="conversation not found")
    else:
        state = {"agent": triage_agent.name, "input": [], "context": AirlineAgentContext(customer_id=customer_id)}
        req.conversation_id = uuid.uuid4().hex
        CONVERSATIONS[req.conversation_id] = state

    state["input"].append({"role": "user", "content": req.message})
    try:
        result = await Runner.run(AGENTS[state["agent"]], state["input"], context=state["context"], max_turns=12)
    except InputGuardrailTripwireTriggered:
        state["input"].pop()
        return ChatResponse(conversation_id=req.conversation_id, current_agent=state["agent"], messages=[{"role": "assistant", "content": "Sorry, I can only help with airline questions."}], guardrail_tripped=True)

    state["input"] = result.to_input_list()
    state["agent"] = result.last_agent.name
    messages = [{"role": "assistant", "agent": item.agent.name, "content": ItemHelpers.text_message_output(item)} for item in result.new_items if isinstance(item, MessageOutputItem)]
    return ChatResponse(conversation_id=req.conversation_id, current_agent=state["agent"], messages=messages)
