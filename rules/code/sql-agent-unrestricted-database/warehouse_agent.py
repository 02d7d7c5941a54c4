"""Text-to-SQL over the production warehouse (PostgreSQL / MySQL)."""
import os

from langchain_community.utilities import SQLDatabase
from langchain_experimental.sql import SQLDatabaseChain
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o")
PASSWORD = os.environ["PG_PASSWORD"]

# ruleid: sql-agent-unrestricted-database
warehouse = SQLDatabase.from_uri(f"postgresql+psycopg2://app_rw:{PASSWORD}@db.internal:5432/warehouse")
chain = SQLDatabaseChain.from_llm(llm, warehouse, verbose=True)

# ruleid: sql-agent-unrestricted-database
crm = SQLDatabase.from_uri("mysql+pymysql://admin:secret@crm.internal/crm")
crm_chain = SQLDatabaseChain.from_llm(llm, crm)

# ok: sql-agent-unrestricted-database
reporting = SQLDatabase.from_uri(f"postgresql://readonly_reporter:{PASSWORD}@db.internal/warehouse")
# ok: sql-agent-unrestricted-database
replica = SQLDatabase.from_uri(f"postgresql://ro_analyst:{PASSWORD}@replica.internal/warehouse")
# ok: sql-agent-unrestricted-database
guarded = SQLDatabase.from_uri(
    f"postgresql://app:{PASSWORD}@db.internal/warehouse",
    engine_args={"connect_args": {"options": "-c default_transaction_read_only=on"}},
)
# ok: sql-agent-unrestricted-database
configured = SQLDatabase.from_uri(os.environ["WAREHOUSE_URL"])
# ok: sql-agent-unrestricted-database
per_user = SQLDatabase.from_uri(f"postgresql://{os.environ['DB_USER']}:{PASSWORD}@db.internal/warehouse")
