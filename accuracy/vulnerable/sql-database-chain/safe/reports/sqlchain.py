from langchain.chat_models import ChatOpenAI
from langchain.prompts import PromptTemplate
from langchain.sql_database import SQLDatabase

PROMPT = PromptTemplate.from_template(
    "Pick one report name from {names} for the question.\nQuestion: {input}\nReport:"
)
REPORTS = {
    "revenue_by_month": "SELECT month, SUM(amount) FROM invoices GROUP BY month",
    "top_customers": "SELECT customer, SUM(amount) AS total FROM invoices GROUP BY customer ORDER BY total DESC LIMIT 10",
}


class ReportChain:
    def __init__(self, uri: str):
        self.database = SQLDatabase.from_uri(uri)
        self.llm = ChatOpenAI(temperature=0, max_tokens=20)

    def run(self, question: str) -> str:
        name = self.llm.predict(PROMPT.format(names=list(REPORTS), input=question)).strip()
        if name not in REPORTS:
            return "No matching report."
        return self.database.run(REPORTS[name])
