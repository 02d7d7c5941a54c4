"""An interactive terminal chat: each turn waits for the person to type."""
import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def _read_line(stop: asyncio.Event) -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: input("> "))


async def chat(stop: asyncio.Event) -> None:
    history = []
    # ok: agent-without-iteration-limit
    while True:
        if stop.is_set():
            return
        try:
            user_input = await _read_line(stop)
        except EOFError:
            break
        history.append({"role": "user", "content": user_input})
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=history, max_tokens=800)
        history.append({"role": "assistant", "content": reply.choices[0].message.content})
        print(reply.choices[0].message.content)


async def _plan_next(history: list) -> str:
    return history[-1]["content"]


async def autopilot(history: list) -> None:
    # ruleid: agent-without-iteration-limit
    while True:
        step = await _plan_next(history)
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=history + [{"role": "user", "content": step}], max_tokens=800)
        history.append({"role": "assistant", "content": reply.choices[0].message.content})
