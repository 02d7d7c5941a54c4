import asyncio
import uuid

from agents import HandoffOutputItem, InputGuardrailTripwireTriggered, ItemHelpers, MessageOutputItem, Runner, ToolCallOutputItem, TResponseInputItem, trace

from .agents import triage_agent
from .context import AirlineAgentContext


async def main() -> None:
    current_agent = triage_agent
    input_items: list[TResponseInputItem] = []
    context = AirlineAgentContext(customer_id="cust_demo_001", passenger_name="Demo Passenger")
    conversation_id = uuid.uuid4().hex[:16]

    while True:
        user_input = input("Enter your message: ")
        if user_input.strip().lower() in {"quit", "exit"}:
            break
        with trace("Customer service", group_id=conversation_id):
            input_items.append({"content": user_input, "role": "user"})
            try:
                result = await Runner.run(current_agent, input_items, context=context, max_turns=12)
            except InputGuardrailTripwireTriggered:
                print("Sorry, I can only help with airline questions.")
                input_items.pop()
                continue
            for new_item in result.new_items:
                agent_name = new_item.agent.name
                if isinstance(new_item, MessageOutputItem):
                    print(f"{agent_name}: {ItemHelpers.text_message_output(new_item)}")
                elif isinstance(new_item, HandoffOutputItem):
                    print(f"Handed off from {new_item.source_agent.name} to {new_item.target_agent.name}")
                elif isinstance(new_item, ToolCallOutputItem):
                    print(f"{agent_name}: tool output: {new_item.output}")
            input_items = result.to_input_list()
            current_agent = result.last_agent


if __name__ == "__main__":
    asyncio.run(main())
