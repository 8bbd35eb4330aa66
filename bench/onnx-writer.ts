/**
 * Just enough of the ONNX protobuf format to write a small inference graph, so the test fixture
 * in test/fixtures/embedding-models can be regenerated with Node alone (no Python onnx package).
 * Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, …).
 */

export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
const ATTRIBUTE_INT = 2;

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  values: readonly number[];
}

export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  intAttributes?: Record<string, number>;
}

export interface OnnxValueInfo {
  name: string;
  elemType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  /** A number is a fixed size, a string a symbolic one such as "batch". */
  shape: (number | string)[];
}

export interface OnnxModel {
  irVersion: number;
  opsetVersion: number;
  producer: string;
  graphName: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const graph = concat([
    ...model.nodes.map((node, i) => bytesField(1, encodeNode(node, i))),
    stringField(2, model.graphName),
    ...model.initializers.map((t) => bytesField(5, encodeTensor(t))),
    ...model.inputs.map((v) => bytesField(11, encodeValueInfo(v))),
    ...model.outputs.map((v) => bytesField(12, encodeValueInfo(v))),
  ]);
  const opset = concat([stringField(1, ""), intField(2, model.opsetVersion)]);
  return concat([
    intField(1, model.irVersion),
    stringField(2, model.producer),
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}

function encodeNode(node: OnnxNode, index: number): Uint8Array {
  const attributes = Object.entries(node.intAttributes ?? {}).map(([name, value]) =>
    bytesField(5, concat([stringField(1, name), intField(3, value), intField(20, ATTRIBUTE_INT)])),
  );
  return concat([
    ...node.inputs.map((name) => stringField(1, name)),
    ...node.outputs.map((name) => stringField(2, name)),
    stringField(3, `${node.opType.toLowerCase()}_${index}`),
    stringField(4, node.opType),
    ...attributes,
  ]);
}

function encodeTensor(tensor: OnnxTensor): Uint8Array {
  const expected = tensor.dims.reduce((a, b) => a * b, 1);
  if (tensor.values.length !== expected) {
    throw new Error(`${tensor.name}: ${tensor.values.length} values for dims [${tensor.dims}]`);
  }
  return concat([
    ...tensor.dims.map((d) => intField(1, d)),
    intField(2, tensor.dataType),
    stringField(8, tensor.name),
    bytesField(9, rawData(tensor)),
  ]);
}

/** raw_data is little-endian whatever the machine, per the ONNX spec. */
function rawData(tensor: OnnxTensor): Uint8Array {
  const width = tensor.dataType === ONNX_FLOAT ? 4 : 8;
  const view = new DataView(new ArrayBuffer(tensor.values.length * width));
  tensor.values.forEach((v, i) => {
    if (tensor.dataType === ONNX_FLOAT) view.setFloat32(i * 4, v, true);
    else view.setBigInt64(i * 8, BigInt(v), true);
  });
  return new Uint8Array(view.buffer);
}

function encodeValueInfo(info: OnnxValueInfo): Uint8Array {
  const dims = info.shape.map((d) =>
    bytesField(1, typeof d === "number" ? intField(1, d) : stringField(2, d)),
  );
  const tensorType = concat([intField(1, info.elemType), bytesField(2, concat(dims))]);
  return concat([stringField(1, info.name), bytesField(2, bytesField(1, tensorType))]);
}

function varint(value: number): Uint8Array {
  // int64 fields: negative numbers are their 64-bit two's complement, ten bytes long.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return Uint8Array.from(out);
}

function intField(field: number, value: number): Uint8Array {
  return concat([varint(field << 3), varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}

function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(text));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
