// Model output kept in fields and returned through a class hierarchy before it runs.
import OpenAI from 'openai';
import vm from 'node:vm';
import { execSync } from 'node:child_process';

abstract class CodeAgent {
  protected lastPlan = '';

  protected abstract complete(prompt: string): Promise<string>;

  async generateCode(task: string): Promise<string> {
    const answer = await this.complete(`Write JavaScript for: ${task}`);
    return this.stripFences(answer);
  }

  private stripFences(text: string): string {
    return text.replace(/```(js|javascript)?/g, '').trim();
  }

  async run(task: string): Promise<unknown> {
    const code = await this.generateCode(task);
    this.lastPlan = code;
    // ruleid: llm-output-code-execution
    return vm.runInNewContext(code, { console });
  }

  rerun(): void {
    // ruleid: llm-output-code-execution
    execSync(this.lastPlan);
  }

  version(): string {
    // ok: llm-output-code-execution
    return execSync('node --version').toString();
  }
}

class OpenAICodeAgent extends CodeAgent {
  private client = new OpenAI();

  protected async complete(prompt: string): Promise<string> {
    const res = await this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
    return res.choices[0].message.content ?? '';
  }
}

export class Agent extends OpenAICodeAgent {}

class Formatter {
  private template = 'x + 1';

  build(): string {
    return this.template;
  }

  evaluate(): unknown {
    // ok: llm-output-code-execution
    return vm.runInNewContext(this.build(), { x: 1 });
  }
}

export { Formatter };

export async function solve(task: string): Promise<unknown> {
  const agent = new Agent();
  const code = await agent.generateCode(task);
  // ruleid: llm-output-code-execution
  const result = eval(code);
  const formatter = new Formatter();
  // ok: llm-output-code-execution
  eval(formatter.build());
  return result;
}
