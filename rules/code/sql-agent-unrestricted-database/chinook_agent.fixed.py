"""Ask questions about the Chinook sample database (SQLite)."""
from langchain_community.agent_toolkits import SQLDatabaseToolkit, create_sql_agent
from langchain_community.utilities import SQLDatabase
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

# ruleid: sql-agent-unrestricted-database
db = SQLDatabase.from_uri("sqlite:///file:data/chinook.db?mode=ro&uri=true")
toolkit = SQLDatabaseToolkit(db=db, llm=llm)
agent = create_sql_agent(llm=llm, toolkit=toolkit, agent_type="openai-tools", verbose=True)

ORDERS_DB = "sqlite:///file:data/orders.db?mode=ro&uri=true"
# ruleid: sql-agent-unrestricted-database
orders_db = SQLDatabase.from_uri(ORDERS_DB, sample_rows_in_table_info=2)
orders_agent = create_sql_agent(llm, db=orders_db, agent_type="tool-calling")

# ok: sql-agent-unrestricted-database
ro_db = SQLDatabase.from_uri("sqlite:///file:data/chinook.db?mode=ro&uri=true")
# ok: sql-agent-unrestricted-database
scoped_db = SQLDatabase.from_uri("sqlite:///data/chinook.db", include_tables=["Album", "Artist", "Track"])


def answer(question: str) -> str:
    return agent.invoke({"input": question})["output"]
