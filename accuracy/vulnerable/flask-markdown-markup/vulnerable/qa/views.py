import markdown
from flask import Blueprint, render_template, request
from markupsafe import Markup
from openai import OpenAI

bp = Blueprint("qa", __name__)
client = OpenAI()


def answer(question: str) -> str:
    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=700, messages=[{"role": "user", "content": question}])
    return r.choices[0].message.content


@bp.route("/answer")
def show_answer():
    html = Markup(markdown.markdown(answer(request.args["q"])))
    return render_template("answer.html", body=html)
