import OpenAI from 'openai';
import { Pool } from 'pg';

const openai = new OpenAI();
const pool = new Pool();

export async function launchFineTune(): Promise<string> {
  // ruleid: untrusted-data-ingestion
  const { rows } = await pool.query('SELECT question, fixed_answer FROM chat_feedback');
  // ok: untrusted-data-ingestion
  const reviewed = await pool.query("SELECT question, fixed_answer FROM chat_feedback WHERE status = 'approved'");
  const jsonl = [...rows, ...reviewed.rows].map((r) => JSON.stringify({ messages: [{ role: 'user', content: r.question }, { role: 'assistant', content: r.fixed_answer }] })).join('\n');
  const file = await openai.files.create({ file: new File([jsonl], 'train.jsonl'), purpose: 'fine-tune' });
  const job = await openai.fineTuning.jobs.create({ training_file: file.id, model: 'gpt-4o-mini-2024-07-18' });
  return job.id;
}
