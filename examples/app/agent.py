"""An operations agent built with LangChain. Deliberately vulnerable demo for AISec."""
import subprocess

from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.vectorstores import FAISS
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

llm = ChatOpenAI(model="gpt-4o-mini")
index = FAISS.load_local("faiss_index", OpenAIEmbeddings(), allow_dangerous_deserialization=True)


@tool
def run_diagnostics(host: str) -> str:
    """Ask the model for a diagnostic command and run it."""
    command = llm.invoke(f"Give one shell command to diagnose {host}").content
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


prompt = ChatPromptTemplate.from_messages([("system", "You are an SRE assistant."), ("human", "{input}"), ("placeholder", "{agent_scratchpad}")])
agent = create_tool_calling_agent(llm, [run_diagnostics], prompt)
executor = AgentExecutor(agent=agent, tools=[run_diagnostics], max_iterations=None)
