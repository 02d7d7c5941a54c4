// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { pipeline, AutoTokenizer, AutoModelForSequenceClassification, env } from '@huggingface/transformers';
import { downloadFile } from '@huggingface/hub';

const MODEL_ID = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';
const PINNED = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

env.allowLocalModels = false;

export async function classifier() {
  // ruleid: unpinned-model-revision
  return pipeline('sentiment-analysis', MODEL_ID);
}

export async function pinnedClassifier() {
  // ok: unpinned-model-revision
  return pipeline('sentiment-analysis', MODEL_ID, { revision: PINNED, dtype: 'q8' });
}

export async function loadModel() {
  // ruleid: unpinned-model-revision
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID, { revision: 'main' });
  // ok: unpinned-model-revision
  const model = await AutoModelForSequenceClassification.from_pretrained(MODEL_ID, { revision: PINNED });
  // ok: unpinned-model-revision
  const local = await AutoTokenizer.from_pretrained('/models/sst2', { local_files_only: true });
  return { tokenizer, model, local };
}

export async function fetchConfig(accessToken: string) {
  // ruleid: unpinned-model-revision
  const config = await downloadFile({ repo: 'acme-labs/detector', path: 'config.json', accessToken });
  // ok: unpinned-model-revision
  const weights = await downloadFile({ repo: 'acme-labs/detector', path: 'model.onnx', revision: PINNED });
  return [config, weights];
}
