from langchain.chains.llm import LLMChain
from langchain.chat_models import ChatOpenAI

from .chains import MATH_PROMPT, PAL_PROMPT, MathChain, ProgramAidedChain

llm = ChatOpenAI(model_name="gpt-3.5-turbo", max_tokens=512)
pal = ProgramAidedChain(llm_chain=LLMChain(llm=llm, prompt=PAL_PROMPT))
math = MathChain(llm_chain=LLMChain(llm=llm, prompt=MATH_PROMPT))


def solve(question: str) -> str:
    return str(pal.run(question=question))


def calculate(question: str) -> str:
    return math.run(question=question)
