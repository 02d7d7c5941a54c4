"""Run the helpdesk tool loop from a terminal, without Chainlit."""
import asyncio
import sys

from assistant.llm import complete
from assistant.prompts import SYSTEM_PROMPT
from assistant.tools import TOOLS, call_tool


async def main(question: str) -> None:
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}]
    for _ in range(5):
        reply = await complete(messages, tools=TOOLS)
        if not reply.tool_calls:
            print(reply.content)
            return
        messages.append(reply.model_dump(exclude_none=True))
        for call in reply.tool_calls:
            print(f"-> {call.function.name}({call.function.arguments})")
            messages.append({"role": "tool", "tool_call_id": call.id, "content": call_tool(call.function.name, call.function.arguments)})


if __name__ == "__main__":
    asyncio.run(main(" ".join(sys.argv[1:]) or "What is the status of ticket 4211?"))
