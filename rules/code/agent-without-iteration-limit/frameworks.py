"""Agent runners of several frameworks with their loop bounds."""
from agents import Agent, Runner
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat, SelectorGroupChat
from llama_index.core.agent import ReActAgent
from pydantic_ai.usage import UsageLimits
from smolagents import CodeAgent, InferenceClientModel

assistant = Agent(name="Assistant", instructions="Answer billing questions.")


async def answer(question: str):
    # ruleid: agent-without-iteration-limit
    first = await Runner.run(assistant, question, max_turns=1000)
    # ok: agent-without-iteration-limit
    second = await Runner.run(assistant, question, max_turns=20)
    # ok: agent-without-iteration-limit
    third = Runner.run_sync(assistant, question)
    return first, second, third


def teams(writer, critic, model_client):
    # ruleid: agent-without-iteration-limit
    open_ended = RoundRobinGroupChat([writer, critic])
    approve = TextMentionTermination("APPROVE")
    # ruleid: agent-without-iteration-limit
    until_approved = RoundRobinGroupChat([writer, critic], termination_condition=approve)
    # ok: agent-without-iteration-limit
    bounded = RoundRobinGroupChat([writer, critic], termination_condition=approve | MaxMessageTermination(20))
    # ok: agent-without-iteration-limit
    by_turns = SelectorGroupChat([writer, critic], model_client=model_client, max_turns=12)
    return open_ended, until_approved, bounded, by_turns


def other_frameworks(tools, llm):
    # ruleid: agent-without-iteration-limit
    react = ReActAgent.from_tools(tools, llm=llm, max_iterations=None)
    # ok: agent-without-iteration-limit
    react_default = ReActAgent.from_tools(tools, llm=llm)
    # ruleid: agent-without-iteration-limit
    coder = CodeAgent(tools=tools, model=InferenceClientModel(), max_steps=1000)
    # ok: agent-without-iteration-limit
    small = CodeAgent(tools=tools, model=InferenceClientModel(), max_steps=10)
    # ruleid: agent-without-iteration-limit
    limits = UsageLimits(request_limit=None)
    # ok: agent-without-iteration-limit
    sane = UsageLimits(request_limit=30)
    return react, react_default, coder, small, limits, sane
