# A library's graph factory: the recursion limit is the default of the graph it returns; callers run it with their
# own config={"recursion_limit": ...}.
from langgraph.prebuilt import create_react_agent


def build_research_agent(model, tools):
    graph = create_react_agent(model, tools)
    # ok: agent-without-iteration-limit
    return graph.with_config(recursion_limit=10_000)


def build_writer_agent(model, tools):
    # ok: agent-without-iteration-limit
    agent = create_react_agent(model, tools).with_config(recursion_limit=5_000)
    return agent


def build_loose_agent(model, tools):
    # ruleid: agent-without-iteration-limit
    return create_react_agent(model, tools).with_config(recursion_limit=float("inf"))


# ruleid: agent-without-iteration-limit
support_agent = create_react_agent("openai:gpt-4o", []).with_config(recursion_limit=10_000)
