import { once } from "node:events";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  TINY_DIM,
  TINY_MODEL_NAME,
  TINY_MODEL_ROOT,
  tinyModelFiles,
  tinyTokenVector,
} from "../../../bench/tiny-embedder-fixture.ts";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import { loadEmbedder } from "../../../src/core/rag/embedder/load.ts";
import { EmbedderUnavailableError } from "../../../src/core/rag/embedder/transformers.ts";
import { dot, type Embedder, normalise } from "../../../src/core/rag/embedder/types.ts";
import { USE_LITE_ID } from "../../../src/core/rag/embedder/use-lite.ts";

const MINILM = "Xenova/all-MiniLM-L6-v2";

describe("hashing embedder", () => {
  it("is deterministic, unit length, and closer for texts sharing words", async () => {
    const embedder = hashingEmbedder(128);
    const [a, b, c, again] = await embedder.embed([
      "delivery was late",
      "late delivery again",
      "fresh vegetables",
      "delivery was late",
    ]);
    if (!a || !b || !c || !again) throw new Error("missing vectors");
    expect(a).toHaveLength(128);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(Array.from(again)).toEqual(Array.from(a));
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });
});

describe("choosing an embedding model", () => {
  it("selects the hashing embedder by name with its dimension", async () => {
    const { embedder } = await loadEmbedder({ model: "hashing-64" });
    expect(embedder.id).toBe("hashing-64");
    expect(embedder.dim).toBe(64);
  });

  it("says why transformers.js could not be imported and how to install it", async () => {
    const missing = async () => {
      throw new Error("Cannot find package 'onnxruntime-node' imported from transformers.js");
    };
    const attempt = loadEmbedder({ model: MINILM, modelDir: "/models" }, missing);
    await expect(attempt).rejects.toBeInstanceOf(EmbedderUnavailableError);
    await expect(attempt).rejects.toThrow(/Cannot find package 'onnxruntime-node'.*run `npm ci`/);
  });
});

describe("transformers.js without the model's files", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "blinkit-embedder-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** A copy of the tiny fixture model in a fresh directory, for breaking it. */
  async function copyOfTinyModel(name: string): Promise<{ root: string; dir: string }> {
    const root = join(scratch, name);
    await cp(join(TINY_MODEL_ROOT, TINY_MODEL_NAME), join(root, TINY_MODEL_NAME), { recursive: true });
    return { root, dir: join(root, TINY_MODEL_NAME) };
  }

  it("asks for a model directory or a download when given neither", async () => {
    const attempt = loadEmbedder({ model: MINILM });
    await expect(attempt).rejects.toBeInstanceOf(EmbedderUnavailableError);
    await expect(attempt).rejects.toThrow(/set EMBEDDINGS_MODEL_DIR .*or set EMBEDDINGS_ALLOW_DOWNLOAD=true/);
  });

  it("names the missing model directory in an empty EMBEDDINGS_MODEL_DIR and how to fill it", async () => {
    const attempt = loadEmbedder({ model: MINILM, modelDir: scratch });
    await expect(attempt).rejects.toBeInstanceOf(EmbedderUnavailableError);
    const dir = join(scratch, MINILM);
    await expect(attempt).rejects.toThrow(`there is no directory ${dir} (downloads are off)`);
    await expect(attempt).rejects.toThrow(`into ${dir}/, or set EMBEDDINGS_ALLOW_DOWNLOAD=true`);
  });

  it("names exactly the files an incomplete model directory lacks", async () => {
    const { root, dir } = await copyOfTinyModel("incomplete");
    await rm(join(dir, "onnx"), { recursive: true });
    await rm(join(dir, "tokenizer.json"));
    const attempt = loadEmbedder({ model: TINY_MODEL_NAME, modelDir: root });
    await expect(attempt).rejects.toThrow(`${dir} is missing tokenizer.json, onnx/model_quantized.onnx`);
  });

  it("says where it looked when the weights file is broken; the runtime's reason goes to the log", async () => {
    const { root, dir } = await copyOfTinyModel("corrupt");
    await writeFile(join(dir, "onnx", "model_quantized.onnx"), "not an onnx graph");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const attempt = loadEmbedder({ model: TINY_MODEL_NAME, modelDir: root });
      await expect(attempt).rejects.toBeInstanceOf(EmbedderUnavailableError);
      await expect(attempt).rejects.toThrow(
        `Could not load the embedding model ${TINY_MODEL_NAME} from ${dir}: `,
      );
      await expect(attempt).rejects.toThrow(
        /Check that EMBEDDINGS_MODEL_DIR holds the model's original files/,
      );
      // transformers.js logs onnxruntime-node's error, then retries on WebAssembly, whose error it throws.
      expect(warn.mock.calls.flat().map(String).join("\n")).toMatch(/protobuf parsing failed/);
    } finally {
      warn.mockRestore();
    }
  });

  it("uses the built-in model, with a warning saying why, only when fallback was asked for", async () => {
    const settings = { model: MINILM, modelDir: scratch };
    await expect(loadEmbedder(settings)).rejects.toBeInstanceOf(EmbedderUnavailableError);
    const { embedder, warnings } = await loadEmbedder({ ...settings, fallbackToDefault: true });
    expect(embedder.id).toBe(USE_LITE_ID);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/there is no directory .*Using the built-in model \(use-lite-512\) instead/);
  });
});

describe("transformers.js with a tiny BERT-shaped model (test/fixtures/embedding-models)", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    ({ embedder } = await loadEmbedder({ model: TINY_MODEL_NAME, modelDir: TINY_MODEL_ROOT }));
  });

  /** What the model should give: the mean of its token rows, [CLS] and [SEP] included, at unit length. */
  function expectedVector(tokens: string[]): number[] {
    const rows = ["[CLS]", ...tokens, "[SEP]"].map(tinyTokenVector);
    const mean = Array.from(
      { length: TINY_DIM },
      (_, d) => rows.reduce((s, r) => s + (r[d] ?? 0), 0) / rows.length,
    );
    return Array.from(normalise(mean));
  }

  it("records the model and its dimension in the id", () => {
    expect(embedder.id).toBe(`${TINY_MODEL_NAME}-${TINY_DIM}`);
    expect(embedder.dim).toBe(TINY_DIM);
  });

  it("embeds a batch into one unit-length vector per text, computed from the model's weights", async () => {
    const texts = ["Late delivery", "the items were missing", "Fresh vegetables!", "app crash"];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toHaveLength(TINY_DIM);
      expect(dot(v, v)).toBeCloseTo(1, 5);
    }
    // Lower-cased, split into words, "items" into item + ##s, unknown words as [UNK], as BERT does.
    const expected = [
      ["late", "delivery"],
      ["the", "item", "##s", "[UNK]", "missing"],
      ["fresh", "vegetables", "[UNK]"],
      ["app", "crash"],
    ].map(expectedVector);
    vectors.forEach((v, i) => {
      expectClose(v, expected[i] ?? [], 5);
    });
  });

  it("gives identical texts identical vectors, whatever else is in the batch and its padding", async () => {
    const [alone] = await embedder.embed(["slow delivery"]);
    const [first, , again] = await embedder.embed([
      "slow delivery",
      "my refund was charged again and the payment is very slow",
      "slow delivery",
    ]);
    if (!alone || !first || !again) throw new Error("missing vectors");
    expect(Array.from(again)).toEqual(Array.from(first));
    expectClose(alone, first, 6);
  });

  it("puts texts about the same topic closer together", async () => {
    const [late, delayed, fresh] = await embedder.embed(["late delivery", "delayed again", "fresh fruit"]);
    if (!late || !delayed || !fresh) throw new Error("missing vectors");
    expect(dot(late, delayed)).toBeGreaterThan(0.9);
    expect(dot(late, fresh)).toBeLessThan(0.2);
  });

  it("returns nothing for an empty batch", async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it("uses files already in EMBEDDINGS_MODEL_DIR when downloads are allowed, without the network", async () => {
    const { embedder: again } = await loadEmbedder({
      model: TINY_MODEL_NAME,
      modelDir: TINY_MODEL_ROOT,
      allowDownload: true,
    });
    const [a, b] = await Promise.all([again.embed(["wrong order"]), embedder.embed(["wrong order"])]);
    expect(Array.from(a[0] ?? [])).toEqual(Array.from(b[0] ?? []));
  });

  it("downloads the model once into EMBEDDINGS_MODEL_DIR where a hub is reachable, then loads offline", async () => {
    const files = tinyModelFiles();
    const requested: string[] = [];
    // A stand-in hub on loopback, serving the fixture at transformers.js's <model>/resolve/main/<file>.
    const hub = createServer((request, response) => {
      const path = decodeURIComponent(request.url ?? "");
      requested.push(path);
      const prefix = `/${TINY_MODEL_NAME}/resolve/main/`;
      const content = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
      response.writeHead(content === undefined ? 404 : 200).end(content);
    });
    hub.listen(0, "127.0.0.1");
    await once(hub, "listening");
    const { port } = hub.address() as AddressInfo;
    const transformers = await import("@xenova/transformers");
    const realHost = transformers.env.remoteHost;
    transformers.env.remoteHost = `http://127.0.0.1:${port}/`;
    const modelDir = await mkdtemp(join(tmpdir(), "blinkit-embedder-download-"));
    // transformers.js warns about each file not found locally before downloading it.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const downloaded = await loadEmbedder({ model: TINY_MODEL_NAME, modelDir, allowDownload: true });
      expect(requested.sort()).toEqual(
        [...files.keys()].map((f) => `/${TINY_MODEL_NAME}/resolve/main/${f}`).sort(),
      );
      const offline = await loadEmbedder({ model: TINY_MODEL_NAME, modelDir });
      expect(requested).toHaveLength(files.size);
      const [a, b] = await Promise.all([downloaded, offline].map((l) => l.embedder.embed(["refund"])));
      expect(Array.from(b?.[0] ?? [])).toEqual(Array.from(a?.[0] ?? []));
      expect(a?.[0]).toHaveLength(TINY_DIM);
    } finally {
      warn.mockRestore();
      transformers.env.remoteHost = realHost;
      hub.close();
      await rm(modelDir, { recursive: true, force: true });
    }
  });

  it("is the fixture that bench/tiny-embedder-fixture.ts generates", async () => {
    for (const [file, content] of tinyModelFiles()) {
      const committed = await readFile(join(TINY_MODEL_ROOT, TINY_MODEL_NAME, file));
      if (typeof content === "string")
        expect(JSON.parse(committed.toString()), file).toEqual(JSON.parse(content));
      else expect(committed.equals(content), file).toBe(true);
    }
  });
});

function expectClose(actual: Float32Array, expected: ArrayLike<number>, digits: number): void {
  expect(actual).toHaveLength(expected.length);
  for (let d = 0; d < actual.length; d++) expect(actual[d]).toBeCloseTo(expected[d] ?? Number.NaN, digits);
}
