import Anthropic from '@anthropic-ai/sdk';
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const anthropic = new Anthropic();
const md = new MarkdownIt();

async function ask(question: string): Promise<string> {
  const msg = await anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 1024, messages: [{ role: 'user', content: question }] });
  return msg.content[0].type === 'text' ? msg.content[0].text : '';
}

export async function renderAnswer(el: HTMLElement, question: string): Promise<void> {
  const reply = await ask(question);
  // ruleid: markdown-image-exfiltration
  el.innerHTML = DOMPurify.sanitize(await marked.parse(reply));
  // ok: markdown-image-exfiltration
  el.innerHTML = DOMPurify.sanitize(await marked.parse(reply), { FORBID_TAGS: ['img'] });
  // ok: markdown-image-exfiltration
  el.innerHTML = sanitizeHtml(md.render(reply));
  // ruleid: markdown-image-exfiltration
  el.innerHTML = sanitizeHtml(md.render(reply), { allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img']) });
  // ok: markdown-image-exfiltration
  el.textContent = reply;
  // ok: markdown-image-exfiltration
  el.innerHTML = DOMPurify.sanitize(await marked.parse('# Help\nAsk a question below.'));
}

export async function appendAnswer(list: HTMLElement, question: string): Promise<void> {
  const reply = await ask(question);
  const html = DOMPurify.sanitize(md.render(reply));
  // ruleid: markdown-image-exfiltration
  list.insertAdjacentHTML('beforeend', html);
}
