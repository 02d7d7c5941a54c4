"""Data-analysis agent for the notebook service. Demo of code-execution-tool-enabled."""
from autogen import AssistantAgent, UserProxyAgent
from langchain.agents import AgentType, initialize_agent
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=800)

# the model writes Python and it runs in this process, next to our credentials
analyst = initialize_agent(
    [PythonREPLTool()],
    llm,
    agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION,
    max_iterations=8,
)

assistant = AssistantAgent("assistant", llm_config={"config_list": [{"model": "gpt-4o-mini"}]})
executor = UserProxyAgent(
    "executor",
    human_input_mode="NEVER",
    max_consecutive_auto_reply=5,
    code_execution_config={"work_dir": "scratch", "use_docker": False},
)


def analyse(question: str) -> str:
    return analyst.run(question)
