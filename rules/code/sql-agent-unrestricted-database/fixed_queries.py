"""No agent: the app runs its own fixed queries through SQLDatabase."""
from langchain_community.utilities import SQLDatabase

# ok: sql-agent-unrestricted-database
db = SQLDatabase.from_uri("sqlite:///data/chinook.db")
print(db.run("SELECT COUNT(*) FROM Track"))
