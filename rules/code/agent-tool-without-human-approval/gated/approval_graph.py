"""Gated: the graph stops before every tool call until a person resumes it."""
from langchain_google_community import GmailToolkit
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

llm = ChatOpenAI(model="gpt-4o-mini")
# ok: agent-tool-without-human-approval
tools = GmailToolkit().get_tools()
agent = create_react_agent(llm, tools, checkpointer=MemorySaver(), interrupt_before=["tools"])
