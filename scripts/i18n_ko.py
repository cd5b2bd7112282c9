"""Korean translations of the window's wrapped strings, written into resources/i18n/sbert_desktop_ko.ts.

    .venv/bin/python scripts/i18n_ko.py --update   # pyside6-lupdate over sbert_desktop/gui (new strings
                                                   # appear), fill them from the dictionaries, pyside6-lrelease
    .venv/bin/python scripts/i18n_ko.py            # only fill the .ts from the dictionaries

The texts: KO below (menus, page names, guide), scripts/i18n_ko_pages.py (the pages) and
scripts/i18n_ko_widgets.py (status bar, jobs, export, dialogs). It fails naming every source text
without a Korean translation. setup.sh rebuilds the .qm from the .ts; the built .qm is committed too.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_ko_pages import KO_PAGES  # noqa: E402
from i18n_ko_widgets import KO_WIDGETS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "sbert_desktop_ko.ts"
BIN = Path(sys.executable).parent

#: source text -> Korean. Mnemonics follow Korean convention: the letter in parentheses, "파일(&F)".
KO = {
    # menus
    "&File": "파일(&F)", "&Open…": "열기(&O)…", "Open &Recent": "최근 파일(&R)",
    "&Save Model As…": "모델 다른 이름으로 저장(&S)…", "&Quit": "끝내기(&Q)", "&View": "보기(&V)",
    "&Help": "도움말(&H)", "Open &example": "예제 열기(&E)",
    "Open the bundled example: sentences on the map, STS pairs ready to train":
        "내장 예제 열기: 지도 위의 문장들과 바로 학습할 수 있는 STS 쌍",
    "Show &guide": "안내 보기(&G)", "&About SBERT Desktop": "SBERT Desktop 정보(&A)",
    "Open &log folder": "로그 폴더 열기(&L)", "(none)": "(없음)", "Clear list": "목록 지우기",
    "&Tools": "도구(&T)", "&Embedding cache…": "임베딩 캐시(&E)…",
    "See and limit the embeddings kept on disk, or clear them": "디스크에 저장된 임베딩을 확인하고 제한하거나 지웁니다",
    "&Language": "언어(&L)", "Language": "언어",
    "Restart SBERT Desktop to switch the language.": "언어를 바꾸려면 SBERT Desktop을 다시 시작하세요.",
    # page names
    "Data": "데이터", "Model": "모델", "Train": "학습", "Evaluate": "평가", "Compare": "비교",
    "Clusters": "클러스터", "Map": "지도",
    # the first-run guide
    "Open sentences or pairs and see what is in them.": "문장이나 문장 쌍 파일을 열고 내용을 살펴봅니다.",
    "Pick the model and pooling; the bundled one is loaded.": "모델과 풀링을 고릅니다. 내장 모델이 불러와져 있습니다.",
    "Fine-tune on pairs; the example's are set: press Start.": "문장 쌍으로 미세 조정합니다. 예제 쌍이 준비되어 있으니 시작을 누르세요.",
    "Mine paraphrases and check scores against gold.": "비슷한 문장 쌍을 찾고 점수를 정답과 비교합니다.",
    "Topics found by HDBSCAN, named by keywords.": "HDBSCAN이 찾은 주제를 키워드로 이름 붙입니다.",
    "Sentences in 2-D: hover, click, lasso, search.": "2차원 문장 지도: 마우스 올리기, 클릭, 올가미 선택, 검색.",
    "Show the %1 page": "%1 페이지 보기",
    "Hide the guide (Help → Show guide brings it back)": "안내 숨기기 (도움말 → 안내 보기로 다시 표시)",
    "Guide": "안내",
}


KO.update(KO_PAGES)
KO.update(KO_WIDGETS)


def update() -> None:
    """pyside6-lupdate over every module of the window (drops texts no longer in the code)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sbert_desktop" / "gui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS.relative_to(ROOT))],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def release() -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


def main() -> int:
    if "--update" in sys.argv:
        update()
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        comment = message.findtext("comment")  # the disambiguation of translate(context, text, comment)
        if comment and f"{source}|{comment}" in KO:
            source = f"{source}|{comment}"
        if source in KO:
            translation.text = KO[source]
            translation.attrib.pop("type", None)
        elif translation.attrib.get("type") != "vanished" and translation.attrib.get("type") != "obsolete":
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    if "--update" in sys.argv:
        release()
    if missing:
        print("no Korean translation for: " + "; ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
