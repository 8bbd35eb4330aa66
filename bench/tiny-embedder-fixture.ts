/**
 * Builds the tiny sentence-embedding model in test/fixtures/embedding-models/fixture/tiny-bert:
 * a BERT-shaped ONNX graph (input_ids, attention_mask, token_type_ids → last_hidden_state) that
 * is only an embedding lookup, plus the WordPiece tokenizer and config files transformers.js
 * reads. It lets the tests load the real @xenova/transformers package end to end without
 * downloading weights. Each word's vector is its topic axis plus a small word-specific part, so
 * texts about the same topic land close together and the tests can tell real weights were used.
 *
 * Regenerate (the output is deterministic): npx tsx bench/tiny-embedder-fixture.ts
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encodeOnnxModel, ONNX_FLOAT, ONNX_INT64, type OnnxValueInfo } from "./onnx-writer.ts";

export const TINY_MODEL_NAME = "fixture/tiny-bert";
export const TINY_MODEL_ROOT = fileURLToPath(new URL("../test/fixtures/embedding-models", import.meta.url));

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const TOPICS: Record<string, string[]> = {
  delivery: ["late", "delay", "delayed", "slow", "delivery", "waiting", "time"],
  refund: ["refund", "money", "payment", "charged", "return"],
  quality: ["fresh", "rotten", "stale", "vegetables", "fruit", "milk", "expired"],
  missing: ["missing", "item", "wrong", "order"],
  app: ["app", "crash", "login", "screen"],
};
const NEUTRAL = ["the", "was", "my", "is", "a", "and", "again", "very", ".", "##s"];
const TOPIC_NAMES = Object.keys(TOPICS);
/** Topic axes first, then three dimensions that tell words of one topic apart. */
export const TINY_DIM = TOPIC_NAMES.length + 3;

export const TINY_VOCAB: readonly string[] = [...SPECIAL_TOKENS, ...Object.values(TOPICS).flat(), ...NEUTRAL];

/** The row of the embedding table for a token (what last_hidden_state holds for it). */
export function tinyTokenVector(token: string): number[] {
  const id = TINY_VOCAB.indexOf(token);
  if (id < 0) throw new Error(`not in the tiny vocabulary: ${token}`);
  const vector = new Array<number>(TINY_DIM).fill(0);
  if (token === "[PAD]") return vector;
  if (token === "[CLS]" || token === "[SEP]") {
    vector[TINY_DIM - 1] = 0.1;
    return vector;
  }
  const topic = TOPIC_NAMES.findIndex((name) => TOPICS[name]?.includes(token));
  if (topic >= 0) vector[topic] = 1;
  const scale = topic >= 0 ? 0.05 : 0.2;
  for (let k = 0; k < 3; k++) vector[TOPIC_NAMES.length + k] = scale * ((((id * (k + 3) * 37) % 11) - 5) / 5);
  return vector;
}

export function buildTinyOnnxModel(): Uint8Array {
  const batchBySequence = ["batch_size", "sequence_length"];
  const int64Input = (name: string): OnnxValueInfo => ({
    name,
    elemType: ONNX_INT64,
    shape: batchBySequence,
  });
  return encodeOnnxModel({
    irVersion: 7,
    opsetVersion: 13,
    producer: "blinkit bench/tiny-embedder-fixture.ts",
    graphName: "tiny_bert_embeddings",
    initializers: [
      {
        name: "word_embeddings",
        dims: [TINY_VOCAB.length, TINY_DIM],
        dataType: ONNX_FLOAT,
        values: TINY_VOCAB.flatMap(tinyTokenVector),
      },
      // Single-sentence inputs are all type 0, whose row is zero: types only matter for pairs.
      {
        name: "token_type_embeddings",
        dims: [2, TINY_DIM],
        dataType: ONNX_FLOAT,
        values: [...new Array<number>(TINY_DIM).fill(0), ...new Array<number>(TINY_DIM).fill(0.01)],
      },
      { name: "mask_axis", dims: [1], dataType: ONNX_INT64, values: [2] },
    ],
    nodes: [
      { opType: "Gather", inputs: ["word_embeddings", "input_ids"], outputs: ["words"] },
      { opType: "Gather", inputs: ["token_type_embeddings", "token_type_ids"], outputs: ["types"] },
      { opType: "Add", inputs: ["words", "types"], outputs: ["summed"] },
      {
        opType: "Cast",
        inputs: ["attention_mask"],
        outputs: ["mask_float"],
        intAttributes: { to: ONNX_FLOAT },
      },
      { opType: "Unsqueeze", inputs: ["mask_float", "mask_axis"], outputs: ["mask"] },
      // Padding positions come out as zero, as they carry no meaning in a real encoder either.
      { opType: "Mul", inputs: ["summed", "mask"], outputs: ["last_hidden_state"] },
    ],
    inputs: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
    outputs: [{ name: "last_hidden_state", elemType: ONNX_FLOAT, shape: [...batchBySequence, TINY_DIM] }],
  });
}

function tokenizerJson(): object {
  const special = (token: string) => ({ id: token, type_id: 0 });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: special("[CLS]") },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: special("[SEP]") },
      ],
      pair: [
        { SpecialToken: special("[CLS]") },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: special("[SEP]") },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        (["[CLS]", "[SEP]"] as const).map((t) => [t, { id: t, ids: [TINY_VOCAB.indexOf(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(TINY_VOCAB.map((token, id) => [token, id])),
    },
  };
}

const TOKENIZER_CONFIG = {
  tokenizer_class: "BertTokenizer",
  do_lower_case: true,
  model_max_length: 64,
  clean_up_tokenization_spaces: true,
  cls_token: "[CLS]",
  sep_token: "[SEP]",
  pad_token: "[PAD]",
  unk_token: "[UNK]",
  mask_token: "[MASK]",
};

function configJson(): object {
  return {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: TINY_DIM,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    vocab_size: TINY_VOCAB.length,
    type_vocab_size: 2,
    max_position_embeddings: 64,
    pad_token_id: 0,
  };
}

/** Every fixture file, by path relative to the model directory. */
export function tinyModelFiles(): Map<string, Uint8Array | string> {
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  return new Map<string, Uint8Array | string>([
    ["config.json", json(configJson())],
    ["tokenizer.json", json(tokenizerJson())],
    ["tokenizer_config.json", json(TOKENIZER_CONFIG)],
    // The name transformers.js asks for with { quantized: true }; the weights are plain float32.
    ["onnx/model_quantized.onnx", buildTinyOnnxModel()],
  ]);
}

async function writeFixture(): Promise<void> {
  const modelDir = join(TINY_MODEL_ROOT, TINY_MODEL_NAME);
  for (const [relative, content] of tinyModelFiles()) {
    const path = join(modelDir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    console.log(`${path} (${content.length} bytes)`);
  }
  // The repository's formatter lays JSON out its own way; the tests compare the parsed content.
  execFileSync("npx", ["biome", "format", "--write", modelDir], { stdio: "inherit" });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await writeFixture();
