import autogen
import pandas as pd
from langchain_experimental.agents import create_pandas_dataframe_agent
from langchain_openai import ChatOpenAI

config_list = [{"model": "gpt-4o", "api_key": "${OPENAI_API_KEY}"}]
assistant = autogen.AssistantAgent("assistant", llm_config={"config_list": config_list}, max_consecutive_auto_reply=10)
executor = autogen.UserProxyAgent(
    "executor",
    human_input_mode="NEVER",
    max_consecutive_auto_reply=10,
    code_execution_config={"work_dir": "scratch", "use_docker": False},
)


def analyst(df: pd.DataFrame):
    llm = ChatOpenAI(model="gpt-4o", max_tokens=1000)
    return create_pandas_dataframe_agent(llm, df, allow_dangerous_code=True, max_iterations=8)
