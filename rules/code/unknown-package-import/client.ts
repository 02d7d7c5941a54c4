import fs from 'node:fs';
import { readFile } from 'fs/promises';
// ruleid: unknown-package-import
import Anthropic from '@antropic-ai/sdk';
// ruleid: unknown-package-import
import OpenAI from 'opena1';
// ruleid: unknown-package-import
import chalk from 'challk';
// ruleid: unknown-package-import
const _ = require('lodahs');
// ok: unknown-package-import
import Anthropic2 from '@anthropic-ai/sdk';
// ok: unknown-package-import
import OpenAI2 from 'openai';
// ok: unknown-package-import
import { ChatOpenAI } from '@langchain/openai';
// ok: unknown-package-import
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// ok: unknown-package-import
import { helper } from './helper';
// ok: unknown-package-import
import { Button } from '@/components/button';
// ok: unknown-package-import
import { internalThing } from 'our-private-package';
// ok: unknown-package-import
const lodash = require('lodash/fp');

export async function run(): Promise<void> {
  // ruleid: unknown-package-import
  const { default: axios } = await import('axois');
  console.log(fs, readFile, Anthropic, OpenAI, chalk, _, Anthropic2, OpenAI2, ChatOpenAI, Client, helper, Button, internalThing, lodash, axios);
}
