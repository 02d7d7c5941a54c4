import html

import streamlit as st
from openai import OpenAI
import anthropic

client = OpenAI()
claude = anthropic.Anthropic()


def strip_markdown_images(text: str) -> str:
    import re
    return re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)


st.title("Support assistant")
question = st.chat_input("Ask about your account")

if question:
    with st.chat_message("user"):
        # ok: markdown-image-exfiltration
        st.markdown(question)

    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    answer = completion.choices[0].message.content

    with st.chat_message("assistant"):
        # ruleid: markdown-image-exfiltration
        st.markdown(answer)
        # ok: markdown-image-exfiltration
        st.markdown(strip_markdown_images(answer))
        # ok: markdown-image-exfiltration
        st.text(answer)
        # ok: markdown-image-exfiltration
        st.code(answer, language="markdown")
        # ruleid: markdown-image-exfiltration
        st.markdown(html.escape(answer), unsafe_allow_html=True)

    # ruleid: markdown-image-exfiltration
    st.sidebar.write(f"**Last answer:** {answer}")
    # ok: markdown-image-exfiltration
    st.sidebar.write("**Last answer** is shown in the chat.")

    box = st.chat_message("assistant")
    # ruleid: markdown-image-exfiltration
    box.markdown(answer)

    reply = claude.messages.create(model="claude-3-5-sonnet-latest", max_tokens=1024, messages=[{"role": "user", "content": question}])
    placeholder = st.empty()
    text = reply.content[0].text
    # ruleid: markdown-image-exfiltration
    placeholder.markdown(text + " ▌")
    # ok: markdown-image-exfiltration
    placeholder.markdown("Done.")

    stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}], stream=True)
    # ruleid: markdown-image-exfiltration
    st.write_stream(stream)

    # ok: markdown-image-exfiltration
    st.markdown(f"Tokens used: {int(completion.usage.total_tokens)}")
