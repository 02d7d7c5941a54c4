"""Stream a single turn and print events as they arrive."""
import asyncio

from agents import Runner

from airline_desk.agents import triage_agent
from airline_desk.context import AirlineAgentContext


async def main() -> None:
    ctx = AirlineAgentContext(customer_id="cust_demo_001")
    result = Runner.run_streamed(triage_agent, "What is the status of flight FLT-123?", context=ctx, max_turns=8)
    async for event in result.stream_events():
        if event.type == "run_item_stream_event":
            print(event.item.type, getattr(event.item, "output", ""))
        elif event.type == "agent_updated_stream_event":
            print("agent:", event.new_agent.name)
    print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
