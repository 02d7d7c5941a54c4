from langchain.chains.llm import LLMChain
from langchain.chat_models import ChatOpenAI

from .chains import MATH_PROMPT, MathChain

llm = ChatOpenAI(model_name="gpt-3.5-turbo", max_tokens=512)
math = MathChain(llm_chain=LLMChain(llm=llm, prompt=MATH_PROMPT))


def calculate(question: str) -> str:
    return math.run(question=question)
