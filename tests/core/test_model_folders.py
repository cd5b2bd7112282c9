"""Model folders as people bring them, where a load used to go silently wrong: weights saved through a
training wrapper ("module."), weights the architecture does not have (custom modelling code), no
tokenizer files, half-precision weights, a T5 encoder, a cross-encoder's saved score activation."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.models import BiEncoder, CrossEncoder

SENTENCES = ["A cat sleeps on the sofa.", "Stocks fell sharply today after the announcement.", "고양이가 잔다"]
PAIRS = [(SENTENCES[0], SENTENCES[1]), (SENTENCES[0], SENTENCES[2]), ("How are you?", "I am fine.")]


def _bert_folder(tmp_path, bundled_model_path, name="bert", seed=0, **config):
    import torch
    import transformers as T

    torch.manual_seed(seed)
    model = T.BertModel(T.BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                     intermediate_size=64, max_position_embeddings=130, **config))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.2)  # rows that differ from one another
    folder = tmp_path / name
    model.save_pretrained(folder)
    T.AutoTokenizer.from_pretrained(str(bundled_model_path)).save_pretrained(folder)
    return folder, model


def test_weights_saved_through_a_training_wrapper_load(tmp_path, bundled_model_path):
    """A DDP / DataParallel script saves 'module.embeddings...': every weight was 'missing', made up at
    random, and encode gave different vectors on each load. The prefix is read through now."""
    from safetensors.torch import load_file, save_file

    good, _model = _bert_folder(tmp_path, bundled_model_path)
    wrapped = tmp_path / "wrapped"
    shutil.copytree(good, wrapped)
    weights = load_file(str(good / "model.safetensors"))
    save_file({"module." + k: v.contiguous() for k, v in weights.items()}, str(wrapped / "model.safetensors"),
              metadata={"format": "pt"})
    expected = BiEncoder.load(good, device="cpu").encode(SENTENCES)
    np.testing.assert_allclose(BiEncoder.load(wrapped, device="cpu").encode(SENTENCES), expected, atol=1e-6)
    np.testing.assert_allclose(CrossEncoder.load(wrapped, device="cpu").model.bert.embeddings.word_embeddings.weight
                               .detach().numpy(), weights["embeddings.word_embeddings.weight"].numpy())


def test_weights_the_architecture_lacks_are_refused(tmp_path, bundled_model_path):
    """A jina-v2-style folder: config says bert and points at its own code (auto_map), its layers are
    named otherwise. It loaded as a plain BERT with random layers; now a refusal naming the weights."""
    from safetensors.torch import load_file, save_file

    folder, _model = _bert_folder(tmp_path, bundled_model_path, name="custom")
    weights = load_file(str(folder / "model.safetensors"))
    renamed = {k.replace("intermediate.dense", "mlp.gated_layers"): v.contiguous() for k, v in weights.items()}
    save_file(renamed, str(folder / "model.safetensors"), metadata={"format": "pt"})
    config = json.loads((folder / "config.json").read_text())
    config["auto_map"] = {"AutoModel": "modeling_bert.JinaBertModel"}
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelLoadError, match=r"4 of the BertModel's weights are not in its files \(encoder.layer.0."
                                             r"intermediate.dense.bias.*ships its own modelling code"):
        BiEncoder.load(folder, device="cpu")
    with pytest.raises(ModelLoadError, match="weights are not in its files"):
        CrossEncoder.load(folder, device="cpu")


def test_a_folder_without_tokenizer_files_is_refused(tmp_path, bundled_model_path):
    """model.save_pretrained() without the tokenizer: transformers made up a 5-token tokenizer, every word
    [UNK], and unrelated sentences came out at cosine 0.999."""
    folder, _model = _bert_folder(tmp_path, bundled_model_path)
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        (folder / name).unlink(missing_ok=True)
    with pytest.raises(ModelLoadError, match="has no tokenizer files .* save the tokenizer beside the model"):
        BiEncoder.load(folder, device="cpu")


def test_half_precision_weights_run_in_fp32(tmp_path, bundled_model_path):
    """A folder saved in fp16 (as large embedders ship) ran in fp16 on the CPU while the model said fp32."""
    import torch

    folder, model = _bert_folder(tmp_path, bundled_model_path)
    half = tmp_path / "half"
    model.half().save_pretrained(half)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(folder / name, half / name)
    loaded = BiEncoder.load(half, device="cpu")
    assert next(loaded.transformer.parameters()).dtype == torch.float32 and loaded.info()["precision"] == "fp32"


def test_a_t5_encoder_embeds_like_sentence_transformers(tmp_path, bundled_model_path):
    """sentence-T5 / GTR: AutoModel built the whole encoder-decoder and encode failed in the decoder
    ('You must specify exactly one of input_ids or inputs_embeds'); the encoder alone is loaded now."""
    import torch
    import transformers as T
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer

    torch.manual_seed(0)
    config = T.T5Config(vocab_size=30522, d_model=32, d_kv=16, d_ff=64, num_layers=2, num_heads=2,
                        decoder_start_token_id=0, pad_token_id=0, eos_token_id=102)
    hf = tmp_path / "t5"
    T.T5EncoderModel(config).save_pretrained(hf)
    T.AutoTokenizer.from_pretrained(str(bundled_model_path)).save_pretrained(hf)
    st = SentenceTransformer(modules=[Transformer(str(hf)), Pooling(32, "mean"), Normalize()], device="cpu")
    st.save(str(tmp_path / "st"))
    ours = BiEncoder.load(tmp_path / "st", device="cpu").encode(SENTENCES)
    np.testing.assert_allclose(ours, st.encode(SENTENCES), atol=1e-5)


@pytest.mark.parametrize("activation", ["Identity", "Tanh", "Sigmoid"])
def test_a_cross_encoders_saved_activation_is_its_score(activation, tiny_cross_encoder_dir, tmp_path):
    """A reranker saved with Identity (raw logits) or Tanh scored through a sigmoid all the same:
    rankings held, but thresholds (--min-score) and absolute scores were another scale than the
    author's. Read from config_sentence_transformers.json, as sentence-transformers does."""
    import torch
    from sentence_transformers import CrossEncoder as STCrossEncoder

    st = STCrossEncoder(str(tiny_cross_encoder_dir), device="cpu", activation_fn=getattr(torch.nn, activation)())
    st.save(str(tmp_path / "saved"))
    expected = STCrossEncoder(str(tmp_path / "saved"), device="cpu").predict(PAIRS)
    ours = CrossEncoder.load(tmp_path / "saved", device="cpu")
    np.testing.assert_allclose(ours.predict(PAIRS), expected, atol=1e-5)
    assert ours.output_activation == activation.lower()
    again = ours.save(tmp_path / "again")  # and it stays the model's score when saved here
    np.testing.assert_allclose(CrossEncoder.load(again, device="cpu").predict(PAIRS), expected, atol=1e-5)
    np.testing.assert_allclose(STCrossEncoder(str(again), device="cpu").predict(PAIRS), expected, atol=1e-5)


def test_a_folder_with_only_an_onnx_export_says_so(tmp_path, bundled_model_path):
    """config, tokenizer and onnx/model.onnx: transformers' 'no file named model.safetensors' did not say
    that the app reads the torch weights, for int8 too."""
    folder, _model = _bert_folder(tmp_path, bundled_model_path)
    (folder / "model.safetensors").unlink()
    (folder / "onnx").mkdir()
    (folder / "onnx" / "model.onnx").write_bytes(b"onnx")
    with pytest.raises(ModelLoadError, match="holds an ONNX export but not the model's torch weights"):
        BiEncoder.load(folder, device="cpu")


def test_the_cache_key_covers_the_tokenizer(tiny_bi_encoder_dir, tmp_path):
    """The same weights with lowercasing turned off in the tokenizer: the embedding cache served the old
    vectors ('2 from cache', cosine 0.02 against a fresh encode). The fingerprint now covers the tokenizer."""
    copy = tmp_path / "cased"
    shutil.copytree(tiny_bi_encoder_dir, copy)
    tok = json.loads((copy / "tokenizer.json").read_text(encoding="utf-8"))
    tok["normalizer"]["lowercase"] = False
    (copy / "tokenizer.json").write_text(json.dumps(tok), encoding="utf-8")
    config = json.loads((copy / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["do_lower_case"] = False
    (copy / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    a, b = BiEncoder.load(tiny_bi_encoder_dir, device="cpu"), BiEncoder.load(copy, device="cpu")
    assert a.weights_fingerprint() == b.weights_fingerprint() and a.fingerprint() != b.fingerprint()
    assert BiEncoder.load(tiny_bi_encoder_dir, device="cpu").fingerprint() == a.fingerprint()


def test_the_tokenizer_part_of_the_key_ignores_truncation_and_padding(tiny_bi_encoder_dir):
    """Tokenizing sets the tokenizer's truncation and padding: the key must not change with them (two
    processes of one encode computed it before and after, and missed each other's cache shards)."""
    from sbert_desktop.core.models.bi_encoder import tokenizer_tag

    before = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    tag = tokenizer_tag(before.tokenizer)
    after = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    after.encode(["a long sentence " * 200, "short"])
    assert tokenizer_tag(after.tokenizer) == tag and after.fingerprint() == before.fingerprint()
