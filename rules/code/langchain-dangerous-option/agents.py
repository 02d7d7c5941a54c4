from langchain_community.agent_toolkits import create_sql_agent
from langchain_community.agent_toolkits.openapi.toolkit import RequestsToolkit
from langchain_community.utilities.requests import TextRequestsWrapper
from langchain_community.vectorstores import FAISS
from langchain_experimental.agents import create_pandas_dataframe_agent
from langchain_experimental.utilities import PythonREPL
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=512)
embeddings = OpenAIEmbeddings()


def analyst(df):
    return create_pandas_dataframe_agent(
        llm,
        df,
        # ruleid: langchain-dangerous-option
        allow_dangerous_code=True,
        max_iterations=10,
    )


def browser():
    # ruleid: langchain-dangerous-option
    return RequestsToolkit(requests_wrapper=TextRequestsWrapper(headers={}), allow_dangerous_requests=True)


def load_index(path: str):
    # ruleid: langchain-dangerous-option
    return FAISS.load_local(path, embeddings, allow_dangerous_deserialization=True)


def load_index_safely(path: str):
    # ok: langchain-dangerous-option
    return FAISS.load_local(path, embeddings, allow_dangerous_deserialization=False)


def analyst_default(df):
    # ok: langchain-dangerous-option
    return create_pandas_dataframe_agent(llm, df)
