/**
 * Writes a tiny sentence-embedding "model" in the layout transformers.js loads from
 * (<dir>/<owner>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/…}), so the
 * real worker can be tested end to end without downloading anything. The ONNX graph is one
 * Gather: each token id looks up a row of a small embedding table, which the pipeline then
 * mean-pools and normalises exactly as it does for all-MiniLM-L6-v2. The protobuf is encoded
 * by hand (only the handful of fields the graph needs).
 */
import fs from 'node:fs';
import path from 'node:path';

// --- minimal protobuf writer -----------------------------------------------------------------
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, n: number) => [...key(field, 0), ...varint(n)];
const bytes = (field: number, data: Uint8Array | number[]) => [...key(field, 2), ...varint(data.length), ...data];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);
const msg = (field: number, body: number[]) => bytes(field, body);

const INT64 = 7;
const FLOAT = 1;

/** ValueInfoProto for a tensor with symbolic/fixed dims. */
function valueInfo(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  const tensorType = [...int(1, elemType), ...msg(2, shape)];
  return [...str(1, name), ...msg(2, msg(1, tensorType))];
}

function onnxModel(table: number[][]): Uint8Array {
  const rows = table.length;
  const width = table[0]!.length;
  const raw = new Uint8Array(new Float32Array(table.flat()).buffer);
  const initializer = [...int(1, rows), ...int(1, width), ...int(2, FLOAT), ...str(8, 'embeddings'), ...bytes(9, raw)];
  const node = [...str(1, 'embeddings'), ...str(1, 'input_ids'), ...str(2, 'last_hidden_state'), ...str(3, 'lookup'), ...str(4, 'Gather')];
  const graph = [
    ...msg(1, node),
    ...str(2, 'tiny'),
    ...msg(5, initializer),
    ...msg(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...msg(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    ...msg(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', width])),
  ];
  // ir_version 8, opset 13 (Gather has been stable since 13).
  return Uint8Array.from([...int(1, 8), ...msg(7, graph), ...msg(8, [...str(1, ''), ...int(2, 13)])]);
}

// --- tokenizer ---------------------------------------------------------------------------------
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

function tokenizerJson(words: string[]) {
  const vocab = Object.fromEntries([...SPECIAL, ...words].map((w, i) => [w, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

/**
 * Writes the model. `concepts` maps a concept to its words; each word's embedding is the
 * one-hot of its concept, and special/unknown tokens get a small shared component, so two
 * texts about the same concept have a high cosine even with no word in common.
 */
export function writeTinyModel(modelDir: string, modelId: string, concepts: Record<string, string[]>): void {
  const names = Object.keys(concepts);
  const width = names.length + 1;
  const words = names.flatMap((c) => concepts[c]!);
  const rowFor = (concept: number | null) => Array.from({ length: width }, (_, i) => (concept === null ? (i === names.length ? 0.1 : 0) : i === concept ? 1 : 0));
  const table = [...SPECIAL.map(() => rowFor(null)), ...names.flatMap((c, ci) => concepts[c]!.map(() => rowFor(ci)))];
  const dir = path.join(modelDir, ...modelId.split('/'));
  fs.mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: width }));
  fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(words)));
  fs.writeFileSync(
    path.join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]' }),
  );
  fs.writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), onnxModel(table));
}
