"""Korean texts of the window's shared parts (status bar, jobs, export, file fields, plots, dialogs,
presets) for scripts/i18n_ko.py. Slots such as ``{n}`` stay as they are."""

KO_WIDGETS = {
    # main window, status bar, state
    "Save model": "모델 저장", "Load or train a model first.": "먼저 모델을 불러오거나 학습하세요.",
    "Save the active model into a folder": "활성 모델을 폴더에 저장", "Save model to {name}": "{name}에 모델 저장",
    "Model saved to {path}": "모델을 저장했습니다: {path}", "not installed": "설치 안 됨",
    "About SBERT Desktop": "SBERT Desktop 정보",
    "<b>SBERT Desktop</b><br>Fine-tune and explore Sentence-BERT models.":
        "<b>SBERT Desktop</b><br>Sentence-BERT 모델을 미세 조정하고 탐색합니다.",
    "Model: {summary}": "모델: {summary}",
    "The active model is named first; Compare and Map use both (bi-encoder to retrieve, cross-encoder to rerank).":
        "활성 모델이 먼저 표시됩니다. 비교와 지도 페이지는 둘 다 씁니다 (바이 인코더로 검색, 크로스 인코더로 재순위화).",
    "Running: {names}": "실행 중: {names}", "Stop training?": "학습을 멈출까요?",
    "Training is running:\n{names}\n\nStop it and close? A checkpoint is kept, so you can resume it later.":
        "학습이 진행 중입니다:\n{names}\n\n멈추고 닫을까요? 체크포인트가 남으므로 나중에 이어서 학습할 수 있습니다.",
    "Stopping running jobs before closing…": "닫기 전에 실행 중인 작업을 멈추는 중…",
    "Open data file": "데이터 파일 열기",
    "No model loaded": "불러온 모델 없음", "Bi-encoder: none loaded": "바이 인코더: 불러오지 않음", " · normalized": " · 정규화",
    "Bi-encoder: {name} · {pooling} pooling · {dim}-d": "바이 인코더: {name} · {pooling} 풀링 · {dim}차원",
    "Cross-encoder: none loaded": "크로스 인코더: 불러오지 않음",
    "Cross-encoder: {name} · {labels} label(s)": "크로스 인코더: {name} · 레이블 {labels}개",
    "all-MiniLM-L6-v2 (bundled)": "all-MiniLM-L6-v2 (내장)",
    # jobs
    "&Jobs": "작업(&J)", "No jobs running": "실행 중인 작업 없음", "Cancel {job}": "{job} 취소",
    "Stop “{job}” (a checkpoint is kept)": "“{job}” 멈추기 (체크포인트 유지)", "Stop “{job}”": "“{job}” 멈추기",
    "Cancel all jobs": "모든 작업 취소", "Running jobs, each with its own Cancel": "실행 중인 작업 (각각 취소 가능)",
    "Jobs ({n})": "작업 ({n})", "Jobs": "작업", "data": "데이터", "embeddings": "임베딩",
    "the {inputs} changed while it ran": "실행하는 동안 {inputs}이(가) 바뀌었습니다",
    "{job}: result dropped — {why}": "{job}: 결과를 버림 — {why}", "{job} stopped: {why}": "{job} 멈춤: {why}",
    # encode bar, notices
    "Encode sentences": "문장 인코딩",
    "Embed the open sentences with the active bi-encoder (in the background)": "열린 문장을 활성 바이 인코더로 임베딩합니다 (백그라운드에서)",
    "{n} sentences from {file} encoded ({dim}-d)": "{file}의 문장 {n}개 인코딩됨 ({dim}차원)",
    "{n} sentences encoded ({dim}-d)": "문장 {n}개 인코딩됨 ({dim}차원)",
    "No sentences yet: open a sentence file on the Data page, then encode it.": "아직 문장이 없습니다: 데이터 페이지에서 문장 파일을 연 다음 인코딩하세요.",
    "{n} sentences open; load a bi-encoder on the Model page to encode them.": "문장 {n}개가 열려 있습니다. 인코딩하려면 모델 페이지에서 바이 인코더를 불러오세요.",
    "{n} sentences open, not encoded yet.": "문장 {n}개가 열려 있고, 아직 인코딩하지 않았습니다.", "Encode again": "다시 인코딩",
    "Encoding {n} sentences…": "문장 {n}개 인코딩 중…", "Encoding cancelled; nothing was changed.": "인코딩을 취소했습니다. 바뀐 것은 없습니다.",
    "Load a bi-encoder…": "바이 인코더 불러오기…", "Load a cross-encoder…": "크로스 인코더 불러오기…",
    "No bi-encoder loaded: nothing can be encoded or searched.": "바이 인코더를 불러오지 않았습니다: 인코딩도 검색도 할 수 없습니다.",
    "No cross-encoder loaded: pairs and search results are not reranked.": "크로스 인코더를 불러오지 않았습니다: 쌍과 검색 결과를 재순위화하지 않습니다.",
    "Bi-encoder: {cue}": "바이 인코더: {cue}", "Cross-encoder: {cue}": "크로스 인코더: {cue}",
    # export
    "CSV for Excel, UTF-8 with BOM (*.csv)": "Excel용 CSV, BOM 포함 UTF-8 (*.csv)", "NumPy array (*.npy)": "NumPy 배열 (*.npy)",
    "Export": "내보내기", "{what} as PNG…": "{what} PNG로…", "{what} as SVG…": "{what} SVG로…",
    "Cannot export {what}: {reason}": "{what}을(를) 내보낼 수 없습니다: {reason}", "PNG image (*.png)": "PNG 이미지 (*.png)",
    "SVG image (*.svg)": "SVG 이미지 (*.svg)", "Export {what}": "{what} 내보내기", "Writing {name}…": "{name} 쓰는 중…",
    "Export failed: {message}": "내보내기 실패: {message}", "Export cancelled": "내보내기를 취소했습니다",
    # file fields
    "Data files (*.txt *.csv *.tsv *.jsonl *.json *.parquet *.xlsx *.gz);;All files (*)":
        "데이터 파일 (*.txt *.csv *.tsv *.jsonl *.json *.parquet *.xlsx *.gz);;모든 파일 (*)",
    "Choose a file…": "파일을 고르세요…", "Browse…": "찾아보기…", "{file}, line {line}": "{file}, {line}행", "line {line}": "{line}행",
    # plots
    "step": "스텝", "Training loss": "학습 손실", "loss": "손실", "raw": "원값", "smoothed": "평활값", "Dev metric": "dev 지표",
    "score": "점수", "selected run (first point: before training)": "선택한 실행 (첫 점: 학습 전)",
    "Sentence length (words)": "문장 길이 (단어 수)", "sentences": "문장 수",
    # prompts and dimensions (Model page)
    "Put before every sentence that is embedded (the corpus, the map, clusters)": "임베딩하는 모든 문장 앞에 붙입니다 (말뭉치, 지도, 클러스터)",
    "Put before search queries (Compare page search)": "검색어 앞에 붙입니다 (비교 페이지 검색)", "all": "전체",
    "Matryoshka models: keep the first N dimensions, then normalise to unit length (smaller, faster; the Evaluate page shows what it costs)":
        "Matryoshka 모델: 앞의 N차원만 남기고 단위 길이로 정규화합니다 (더 작고 빠름. 그 대가는 평가 페이지에서 확인)",
    "Sentence prompt": "문장 프롬프트", "Query prompt": "검색어 프롬프트", "Dimensions": "차원 수", "none": "없음",
    # runs list
    "Check runs to overlay their curves; select one to see where it was saved": "체크하면 곡선을 겹쳐 그리고, 선택하면 저장 위치를 보여 줍니다",
    # embedding cache dialog
    "Embedding cache": "임베딩 캐시", "Reading the cache…": "캐시를 읽는 중…",
    "When the cache grows beyond this, the models used least recently are removed": "캐시가 이 크기를 넘으면 가장 오래 쓰지 않은 모델부터 지웁니다",
    "Apply limit": "한도 적용", "Clear cache…": "캐시 비우기…", "Size limit": "크기 한도", "Clear the embedding cache?": "임베딩 캐시를 비울까요?",
    "Remove every cached embedding? Sentences are encoded again the next time they are needed.":
        "캐시된 임베딩을 모두 지울까요? 문장은 다음에 필요할 때 다시 인코딩됩니다.",
    "Sentences are being encoded; clear the cache when that finished.": "문장을 인코딩하는 중입니다. 끝난 뒤에 캐시를 비우세요.",
    # command line dialog
    "Run headless": "헤드리스로 실행",
    "Processes on one machine (one per GPU): --nproc N runs torchrun, data-parallel": "한 장비의 프로세스 수 (GPU당 하나): --nproc N은 torchrun으로 데이터 병렬 실행",
    "Copy": "복사", "Save launch script…": "실행 스크립트 저장…", "Processes (GPUs) on one machine:": "한 장비의 프로세스(GPU) 수:",
    # workspace
    "Save &Workspace…": "작업 공간 저장(&W)…",
    "Save data, embeddings, clusters, map, pairs and runs as one workspace": "데이터, 임베딩, 클러스터, 지도, 쌍, 실행을 하나의 작업 공간으로 저장합니다",
    "Open Wor&kspace…": "작업 공간 열기(&K)…", "Open a saved workspace (.sbert file or .sbertws folder)": "저장한 작업 공간 열기 (.sbert 파일 또는 .sbertws 폴더)",
    "Save workspace": "작업 공간 저장", "Data file changed": "데이터 파일이 바뀌었습니다", "Download models?": "모델을 내려받을까요?",
    # Korean preset and the cross-encoder preset
    "Korean preset": "한국어 프리셋",
    "Make {model} Korean-capable in three steps:<br>1. add Korean word pieces learnt from the training sentences to its vocabulary (Korean text then takes about a third of the tokens);<br>2. distillation on {pairs} English–Korean sentence pairs ({distill_steps} steps), the original model as teacher;<br>3. KorSTS fine-tuning on {korsts} pairs ({korsts_steps} steps).<br><br><b>Estimated time on two CPU cores: {total}</b> ({distill_time} + {korsts_time}); faster with more cores or a GPU.":
        "{model}이(가) 한국어를 이해하도록 세 단계로 학습합니다:<br>1. 학습 문장에서 익힌 한국어 단어 조각을 어휘에 추가합니다 (한국어 문장의 토큰 수가 약 3분의 1로 줄어듭니다);<br>2. 영어–한국어 문장 쌍 {pairs}개로 증류 ({distill_steps} 스텝), 원래 모델이 교사;<br>3. KorSTS 문장 쌍 {korsts}개로 미세 조정 ({korsts_steps} 스텝).<br><br><b>CPU 코어 두 개에서 예상 시간: {total}</b> ({distill_time} + {korsts_time}). 코어가 더 많거나 GPU가 있으면 더 빠릅니다.",
    "Results in {path}. Cancel from the job list; starting the preset again continues a cancelled stage.":
        "결과 위치: {path}. 작업 목록에서 취소할 수 있고, 프리셋을 다시 시작하면 취소된 단계부터 이어 갑니다.",
    "Results in {out}. Cancel from the job list; starting the preset again continues a cancelled stage.":
        "결과 위치: {out}. 작업 목록에서 취소할 수 있고, 프리셋을 다시 시작하면 취소된 단계부터 이어 갑니다.",
    "about {h} h {m} min": "약 {h}시간 {m}분", "about {m} min": "약 {m}분", "Start": "시작",
    "Cross-encoder preset": "크로스 인코더 프리셋",
    "Train a cross-encoder from {model} that reads both sentences together, in three runs:<br>1. NLI: {nli} SNLI pairs, {nli_epochs} epoch, 3-way head ({nli_steps} steps);<br>2. silver: {silver} new pairs of STS-B training sentences scored by {model}, 1 epoch ({silver_steps} steps);<br>3. STS-B: {sts} pairs in both orders, {sts_epochs} epochs, learning rate {lr:g}, the best epoch on STS-B dev is kept ({sts_steps} steps).<br><br><b>Estimated time on two CPU cores: {about}</b> ({nli_time} + {silver_time} + {sts_time}); faster with more cores or a GPU.":
        "{model}에서 출발해 두 문장을 함께 읽는 크로스 인코더를 세 번 학습합니다:<br>1. NLI: SNLI 쌍 {nli}개, {nli_epochs} 에폭, 3분류 헤드 ({nli_steps} 스텝);<br>"
        "2. 실버: {model}이(가) 점수를 매긴 STS-B 학습 문장의 새 쌍 {silver}개, 1 에폭 ({silver_steps} 스텝);<br>"
        "3. STS-B: 양방향 순서의 쌍 {sts}개, {sts_epochs} 에폭, 학습률 {lr:g}, STS-B dev에서 가장 좋은 에폭을 남김 ({sts_steps} 스텝).<br><br>"
        "<b>CPU 코어 두 개에서 예상 시간: {about}</b> ({nli_time} + {silver_time} + {sts_time}). 코어가 더 많거나 GPU가 있으면 더 빠릅니다.",
}
KO_WIDGETS.update({
    "Prompts and dimensions": "프롬프트와 차원", "model's default ({name})": "모델 기본값 ({name})",
    "model's default (none)": "모델 기본값 (없음)", "query (the model's query prompt)": "query (모델의 검색어 프롬프트)",
})
KO_WIDGETS.update({
    # first-run example
    "the Data page is missing": "데이터 페이지가 없습니다", "opening {name}": "{name} 여는 중",
    "waiting for the model": "모델을 기다리는 중", "load a bi-encoder on the Model page first": "먼저 모델 페이지에서 바이 인코더를 불러오세요",
    "no bi-encoder is loaded": "불러온 바이 인코더가 없습니다", "another file was opened": "다른 파일이 열렸습니다",
    "encoding {n} sentences": "문장 {n}개 인코딩 중", "nothing to encode": "인코딩할 것이 없습니다",
    "Example: encoding failed": "예제: 인코딩 실패", "clustering": "클러스터링 중", "nothing to cluster": "클러스터링할 것이 없습니다",
    "drawing the map": "지도를 그리는 중", "Example: the map could not be drawn": "예제: 지도를 그릴 수 없습니다",
    "Example, step {n} of {total}: ": "예제, {total}단계 중 {n}단계: ", "Example: ": "예제: ",
    "Could not open the example": "예제를 열 수 없습니다",
    "Example ready: {n} sentences in {k} clusters. The Train page has its STS pairs: press Start.":
        "예제 준비 완료: 문장 {n}개, 클러스터 {k}개. 학습 페이지에 STS 쌍이 준비되어 있으니 시작을 누르세요.",
    "Example ready: {n} sentences. The Train page has its STS pairs: press Start.":
        "예제 준비 완료: 문장 {n}개. 학습 페이지에 STS 쌍이 준비되어 있으니 시작을 누르세요.",
    "Example stopped: {reason}. Help → Open example starts it again.": "예제를 멈췄습니다: {reason}. 도움말 → 예제 열기로 다시 시작합니다.",
    "Example stopped. Help → Open example starts it again.": "예제를 멈췄습니다. 도움말 → 예제 열기로 다시 시작합니다.",
    "Example failed: {reason}": "예제 실패: {reason}", "Example failed": "예제 실패",
    # errors
    "\n\nThe details are also in the log file:\n{path}": "\n\n자세한 내용은 로그 파일에도 있습니다:\n{path}",
    "Unexpected error": "예상하지 못한 오류", "{job} failed": "{job} 실패",
    # cache dialog
    "Model": "모델", "Last used": "마지막 사용", "Folder: {path}": "폴더: {path}", "Read embedding cache": "임베딩 캐시 읽기",
    "{name} failed: {message}": "{name} 실패: {message}",
    "{source}\nfingerprint {fingerprint}\ndimension {dimension}": "{source}\n지문 {fingerprint}\n차원 {dimension}",
    "{used} of {limit} used · {models} model(s) · {n} sentences": "{limit} 중 {used} 사용 · 모델 {models}개 · 문장 {n}개",
    "Apply embedding cache limit": "임베딩 캐시 한도 적용", "Clear embedding cache": "임베딩 캐시 비우기",
    # workspace
    "A workspace is being saved or opened; try again when it finished.": "작업 공간을 저장하거나 여는 중입니다. 끝난 뒤에 다시 시도하세요.",
    "Embed a copy of the data file {name} ({size} MB) in the workspace?\n\nWith a copy the workspace opens anywhere, also where the original file is not.":
        "데이터 파일 {name}({size} MB)의 사본을 작업 공간에 넣을까요?\n\n사본이 있으면 원본 파일이 없는 곳에서도 작업 공간을 열 수 있습니다.",
    "Save workspace {name}": "작업 공간 {name} 저장", "Could not save the workspace": "작업 공간을 저장할 수 없습니다",
    "Saving workspace {name}…": "작업 공간 {name} 저장 중…", "Workspace saved to {path}": "작업 공간을 저장했습니다: {path}",
    "Open workspace (a .sbert file, or workspace.json in a .sbertws folder)": "작업 공간 열기 (.sbert 파일 또는 .sbertws 폴더의 workspace.json)",
    "Open workspace {name}": "작업 공간 {name} 열기", "Opening workspace {name}…": "작업 공간 {name} 여는 중…",
    "Read {name}": "{name} 읽기", "Opening the workspace was cancelled; nothing was changed.": "작업 공간 열기를 취소했습니다. 바뀐 것은 없습니다.",
    "Where is {name} now? (Cancel: open the workspace without it)": "{name}은(는) 지금 어디에 있나요? (취소: 이 파일 없이 작업 공간 열기)",
    "All files (*)": "모든 파일 (*)",
    "{path} changed since the workspace was saved.\n\nThe saved sentences, embeddings and clusters are shown as they were; the Data page shows the file as it is now. Open the workspace anyway?":
        "작업 공간을 저장한 뒤 {path}이(가) 바뀌었습니다.\n\n저장된 문장, 임베딩, 클러스터는 저장 당시대로 보이고, 데이터 페이지는 지금의 파일을 보여 줍니다. 그래도 작업 공간을 열까요?",
    "This workspace uses model(s) that are not on this computer:\n{names}\n\nDownload them from the Hugging Face hub? (No: the workspace opens without loading them.)":
        "이 작업 공간은 이 컴퓨터에 없는 모델을 씁니다:\n{names}\n\nHugging Face 허브에서 내려받을까요? (아니요: 모델 없이 작업 공간을 엽니다.)",
    "not downloaded: ": "내려받지 않음: ", "Workspace {name} opened": "작업 공간 {name}을(를) 열었습니다",
    "Could not open the workspace": "작업 공간을 열 수 없습니다",
    "SBERT workspace, one file (*{archive});;SBERT workspace folder (*{folder})": "SBERT 작업 공간, 파일 하나 (*{archive});;SBERT 작업 공간 폴더 (*{folder})",
    "SBERT workspaces (*{archive} {manifest});;All files (*)": "SBERT 작업 공간 (*{archive} {manifest});;모든 파일 (*)",
    # precision, command line, runs, training cues
    "Measuring {precision} on {backend} against fp32 on this machine…": "이 컴퓨터에서 {backend}의 {precision}을(를) fp32와 비교해 측정하는 중…",
    "Measure {precision} against fp32": "{precision}을(를) fp32와 비교해 측정",
    "Could not measure the precision choice: {message}": "정밀도 선택을 측정할 수 없습니다: {message}",
    "Several machines: torchrun --nnodes M --nproc-per-node G --rdzv-endpoint HOST:29500 -m sbert_desktop train … (the same options)":
        "여러 대의 장비: torchrun --nnodes M --nproc-per-node G --rdzv-endpoint HOST:29500 -m sbert_desktop train … (같은 옵션)",
    "Save launch script": "실행 스크립트 저장", "Shell script (*.sh)": "셸 스크립트 (*.sh)",
    " · best {metric} {value}": " · 최고 {metric} {value}", "epochs": "에폭", "batch": "배치", "max length": "최대 길이",
    "pooling": "풀링", "seed": "시드", "max steps": "최대 스텝", "data {files}": "데이터 {files}",
    "dev {metric} {before} untrained → best {best}": "dev {metric} 학습 전 {before} → 최고 {best}",
    "The loss stays at {mean} ≈ ln 3 = {chance}, the loss of guessing among three labels: the model is not learning. Try a higher learning rate, more steps or check the labels.":
        "손실이 {mean} ≈ ln 3 = {chance}에 머물러 있습니다. 세 레이블 중 무작위로 고를 때의 손실이므로 모델이 학습하지 못하고 있습니다. 학습률을 높이거나 스텝을 늘리거나 레이블을 확인하세요.",
    "{share} of the training texts reach Max sequence length ({n} tokens) and lose their end to it.":
        "학습 문장의 {share}가 최대 시퀀스 길이({n}토큰)에 닿아 끝부분이 잘립니다.",
    "{share} of the training pairs (both sentences together) reach Max sequence length ({n} tokens) and lose their end to it.":
        "학습 쌍(두 문장을 합친 것)의 {share}가 최대 시퀀스 길이({n}토큰)에 닿아 끝부분이 잘립니다.",
    "This model reads up to {limit}: raise it to train on more of them.":
        "이 모델은 {limit}토큰까지 읽습니다. 길이를 늘리면 더 많은 부분으로 학습합니다.",
    "Split long texts into passages to train on all of them.": "긴 텍스트를 단락으로 나누면 전부 학습에 쓰입니다.",
})
KO_WIDGETS.update({
    # quality cues (gui/quality_text.py)
    "dev ρ": "dev ρ", "dev r": "dev r", "dev accuracy": "dev 정확도", "dev macro-F1": "dev macro-F1",
    " (weak)": " (약함)", " (worse than untrained)": " (학습 전보다 나쁨)", " (near chance)": " (우연 수준)",
    " Weak: use it to look around, not to trust its ranking.": " 약함: 둘러보는 데는 쓸 수 있지만 순위를 믿지는 마세요.",
    " It is worse than the model it was trained from.": " 학습을 시작한 모델보다 나쁩니다.",
    " Near chance: it has learned nothing usable.": " 우연 수준: 쓸 만한 것을 배우지 못했습니다.",
    " · encoded with {name}, not the loaded bi-encoder: encode again to use it":
        " · 불러온 바이 인코더가 아닌 {name}(으)로 인코딩됨: 이 모델을 쓰려면 다시 인코딩하세요",
    " · encoded with {name} ({made}), loaded now with {now}: encode again to use it":
        " · {name}({made})로 인코딩됨, 지금은 {now}(으)로 불러옴: 이 설정을 쓰려면 다시 인코딩하세요",
    "{share} of the sentences are Korean, and this model spells Korean out letter by letter ({tokens} tokens per "
    "syllable): unless it was trained on Korean, similarities, clusters and maps of Korean sentences mean little. "
    "Load a Korean-capable model on the Model page, or make this one Korean-capable (Train → Korean preset…).":
        "문장의 {share}가 한국어인데, 이 모델은 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). "
        "한국어로 학습된 모델이 아니라면 한국어 문장의 유사도, 클러스터, 지도는 거의 의미가 없습니다. "
        "모델 페이지에서 한국어를 읽는 모델을 불러오거나, 학습 → 한국어 프리셋…으로 이 모델이 한국어를 읽게 하세요.",
    "{share} of the sentences are Korean, and the cross-encoder spells Korean out letter by letter ({tokens} tokens "
    "per syllable): unless it was trained on Korean, its scores and reranking of Korean sentences mean little. Load a "
    "Korean-capable cross-encoder on the Model page, or train one on Korean pairs such as KorSTS on the Train page.":
        "문장의 {share}가 한국어인데, 크로스 인코더가 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). "
        "한국어로 학습된 모델이 아니라면 한국어 문장에 대한 점수와 재순위는 거의 의미가 없습니다. "
        "모델 페이지에서 한국어를 읽는 크로스 인코더를 불러오거나, 학습 페이지에서 KorSTS 같은 한국어 문장 쌍으로 학습하세요.",
    "The cross-encoder spells Korean out too ({tokens} tokens per syllable): its scores and reranking of Korean "
    "sentences mean as little.": "크로스 인코더도 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). "
                                 "한국어 문장에 대한 점수와 재순위도 마찬가지로 거의 의미가 없습니다.",
    "about {share}": "약 {share}",
    "{share} of the sentences are longer than this model reads ({max} tokens; the longest sampled has {longest}): "
    "only their first {max} tokens count in their embeddings, neighbours and clusters.":
        "문장의 {share}가 이 모델이 읽는 길이({max} 토큰)보다 깁니다 (표본에서 가장 긴 문장은 {longest} 토큰). "
        "앞의 {max} 토큰만 임베딩, 이웃, 클러스터에 반영됩니다.",
    "Split long texts into passages, or raise Max sequence length on the Model page (this model reads up to {limit}).":
        "긴 텍스트는 단락으로 나누거나, 모델 페이지에서 최대 시퀀스 길이를 늘리세요 (이 모델은 {limit} 토큰까지 읽습니다).",
    "Split long texts into passages: this model reads no more.": "긴 텍스트는 단락으로 나누세요. 이 모델은 더 길게 읽지 못합니다.",
    "{name} {value}, {baseline} before training; chance is {chance}.": "{name} {value}, 학습 전 {baseline}, 우연 수준은 {chance}입니다.",
    "{name} {value}; chance is {chance}.": "{name} {value}, 우연 수준은 {chance}입니다.",
})
KO_WIDGETS.update({
    # the Model page's precision calibration line
    "{precision} on {backend}: {speedup}× the speed of fp32": "{backend}의 {precision}: fp32 대비 {speedup}배 속도",
    "mean cosine to fp32 {mean} (lowest {low})": "fp32와의 평균 코사인 {mean} (최저 {low})",
    "scores differ from fp32 by {diff} on average": "fp32와 점수 차이 평균 {diff}",
    "measured on {n} sentences here": "이 컴퓨터에서 문장 {n}개로 측정", "measured on {n} pairs here": "이 컴퓨터에서 쌍 {n}개로 측정",
})
KO_WIDGETS.update({
    "{hits} from cache, {encoded} encoded": "캐시에서 {hits}개, 새로 인코딩 {encoded}개",
    "Pearson r = {r}   Spearman ρ = {rho}   ({n} pairs)": "Pearson r = {r}   Spearman ρ = {rho}   (쌍 {n}개)",
})
KO_WIDGETS.update({
    # the window's frame around the core's (English) error details (gui/core_text.py, file_field.py)
    "Could not read the file: {detail}": "파일을 읽을 수 없습니다: {detail}",
    "Could not find pairs: {message}": "문장 쌍을 찾을 수 없습니다: {message}",
    "Evaluation failed: {message}": "평가 실패: {message}", "Training failed: {message}": "학습 실패: {message}",
    "The preset cannot start: {message}": "프리셋을 시작할 수 없습니다: {message}",
    "Train {name}": "{name} 학습", "Resume {name}": "{name} 이어서 학습", "stopping…": "멈추는 중…",
    "matching": "개 일치",
    # progress stage names the core reports (gui/core_text.py STAGES)
    "working": "작업 중", "encode": "인코딩", "train": "학습", "eval": "평가", "baseline": "학습 전 평가",
    "teacher": "교사 임베딩", "rank": "순위 계산", "rerank": "재순위", "publish": "모델 저장",
    "calibrate": "보정 측정", "similarity matrix": "유사도 행렬", "nearest neighbours": "최근접 이웃",
    "search": "검색", "umap layout": "UMAP 배치", "reducing": "차원 축소", "scoring": "점수 계산", "done": "완료", "vocabulary": "어휘 확장",
    "labelling the other {n} rows from the sample": "표본 밖의 나머지 {n}행에 레이블 붙이는 중",
    "merging clusters (best silhouette)": "클러스터 병합 (실루엣 최대)",
    "scanning coarser topic levels": "더 넓은 주제 수준 살펴보기", "merging clusters to {n}": "클러스터를 {n}개로 병합",
    "refining {n} topics": "주제 {n}개 다듬는 중",
})
