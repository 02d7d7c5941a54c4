from langchain.chat_models import ChatOpenAI
from langchain.prompts import PromptTemplate
from langchain.sql_database import SQLDatabase

PROMPT = PromptTemplate.from_template(
    "Given the tables below, write a {dialect} query for the question.\n{table_info}\nQuestion: {input}\nSQLQuery:"
)


class ReportChain:
    def __init__(self, uri: str):
        self.database = SQLDatabase.from_uri(uri)
        self.llm = ChatOpenAI(temperature=0, max_tokens=400)

    def _query_for(self, question: str) -> str:
        text = PROMPT.format(dialect=self.database.dialect, table_info=self.database.get_table_info(), input=question)
        return self.llm.predict(text).strip()

    def run(self, question: str) -> str:
        sql_cmd = self._query_for(question)
        return self.database.run(sql_cmd)
