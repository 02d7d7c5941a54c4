import json

import chainlit as cl

from assistant.llm import complete, make_title
from assistant.prompts import SYSTEM_PROMPT
from assistant.settings import get_settings, parse_users
from assistant.tools import TOOLS, call_tool


@cl.password_auth_callback
def auth_callback(username: str, password: str):
    users = parse_users(get_settings().helpdesk_users)
    if users.get(username) and users[username] == password:
        return cl.User(identifier=username, metadata={"role": "agent"})
    return None


@cl.on_chat_start
async def start():
    cl.user_session.set("messages", [{"role": "system", "content": SYSTEM_PROMPT}])
    await cl.Message(content="Hi! Ask me about a ticket, a KB article or a vendor outage.").send()


@cl.step(type="tool")
async def run_tool(name: str, arguments: str) -> str:
    step = cl.context.current_step
    step.name = name
    step.input = arguments
    result = call_tool(name, arguments)
    step.output = result[:2000]
    return result


@cl.on_message
async def on_message(message: cl.Message):
    messages: list[dict] = cl.user_session.get("messages")
    messages.append({"role": "user", "content": message.content})
    if len(messages) == 2:
        cl.context.session.thread_title = await make_title(message.content)

    settings = get_settings()
    reply = None
    for _ in range(settings.max_tool_rounds):
        reply = await complete(messages, tools=TOOLS)
        if not reply.tool_calls:
            break
        messages.append(reply.model_dump(exclude_none=True))
        for call in reply.tool_calls:
            output = await run_tool(call.function.name, call.function.arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": output})
    else:
        await cl.Message(content="I had to stop after too many tool calls. Try a narrower question.").send()
        return

    answer = reply.content or ""
    messages.append({"role": "assistant", "content": answer})
    cl.user_session.set("messages", messages[-40:])
    await cl.Message(content=answer).send()


@cl.on_chat_end
async def end():
    msgs = cl.user_session.get("messages") or []
    print(json.dumps({"event": "chat_end", "turns": len(msgs)}))
