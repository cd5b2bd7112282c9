"""Korean texts of the pages (Data, Model, Train, Compare, Clusters, Map, Evaluate) for
scripts/i18n_ko.py. Slots such as ``{n}`` stay as they are; technical names stay English."""

KO_PAGES = {
    # -- Data page
    "Detect": "자동 감지", "Sentences": "문장", "Sentence pairs": "문장 쌍",
    "Open a sentence file (txt, csv, tsv, jsonl, parquet, xlsx) or a pair data set…":
        "문장 파일(txt, csv, tsv, jsonl, parquet, xlsx)이나 문장 쌍 데이터 세트를 여세요…",
    "File": "파일", "Read as": "읽기 방식", "Text column": "텍스트 열", "Summary": "요약", "Format": "형식",
    "Encoding": "인코딩", "commas": "쉼표", "semicolons": "세미콜론", "vertical bars": "세로 막대(|)", "tabs": "탭",
    "{format}, fields separated by {separator}": "{format}, 필드 구분자: {separator}",
    "{format}, sheet “{sheet}”": "{format}, 시트 “{sheet}”",
    "Rows": "행 수", "Blank rows": "빈 행", "Duplicates": "중복", "Task": "과제",
    "Labels": "레이블", "Scores": "점수", "Notes": "참고", "Encode with active model": "활성 모델로 인코딩", "Encode {name} with active model": "{name}을(를) 활성 모델로 인코딩",
    "Compute embeddings of these sentences with the active bi-encoder (in the background)":
        "활성 바이 인코더로 이 문장들의 임베딩을 계산합니다(백그라운드에서)",
    "Open {name}": "{name} 열기", "{format} · {encoding} · {rows} rows": "{format} · {encoding} · {rows}행", "{format} · {rows} rows": "{format} · {rows}행", "Sheet": "시트",
    "{n} embeddings of dimension {dim}": "{dim}차원 임베딩 {n}개",
    "Still open: {name} (the other pages keep using it)": "계속 열려 있음: {name} (다른 페이지는 이 파일을 계속 씁니다)",
    "Could not open the file": "파일을 열 수 없습니다", "Encode {n} sentences": "문장 {n}개 인코딩",
    "Encoding… {done} / {total}": "인코딩 중… {done} / {total}", "Encoding cancelled": "인코딩을 취소했습니다",
    "Encoding failed: {message}": "인코딩 실패: {message}",
    # -- Model page
    "Mean of tokens": "토큰 평균", "CLS token": "CLS 토큰", "Max over tokens": "토큰 최댓값",
    "Mean × √length": "평균 × √길이", "Position-weighted mean": "위치 가중 평균", "Last token": "마지막 토큰",
    "Model's own": "모델 기본값", "fp32 (torch, exact)": "fp32 (torch, 정확)", "Architecture": "구조",
    "Parameters": "매개변수 수", "Layers": "층 수", "Dimension": "차원", "Vocabulary": "어휘 크기",
    "Normalized": "정규화", "Head": "헤드", "Score": "점수", "Note": "참고", "Max length": "최대 길이", "Device": "장치", "Source": "출처",
    "Bi-encoder (sentence embeddings)": "바이 인코더 (문장 임베딩)", "Cross-encoder (scores a pair)": "크로스 인코더 (문장 쌍 점수)",
    "a folder, or a hub id such as sentence-transformers/all-mpnet-base-v2":
        "폴더 또는 허브 ID (예: sentence-transformers/all-mpnet-base-v2)",
    "How token vectors become one sentence vector (the SBERT paper: mean is best)":
        "토큰 벡터를 하나의 문장 벡터로 합치는 방법 (SBERT 논문: 평균이 가장 좋음)",
    "model's own": "모델 기본값", "Longer inputs are truncated to this many tokens": "이보다 긴 입력은 이 토큰 수에서 잘립니다",
    "On (unit length)": "켜기 (단위 길이)", "Off": "끄기",
    "How the model runs: exact fp32 on torch, or through ONNX Runtime (int8: faster and smaller, measured against fp32 below)":
        "모델 실행 방식: torch의 정확한 fp32 또는 ONNX Runtime (int8: 더 빠르고 작음, 아래에서 fp32와 비교해 측정)",
    "Load model": "모델 불러오기", "Choose a model": "모델 선택", "Encoder": "인코더", "Location": "위치",
    "Max sequence length": "최대 시퀀스 길이", "Normalize embeddings": "임베딩 정규화", "Precision": "정밀도",
    "Loaded model": "불러온 모델", "Bundled default — all-MiniLM-L6-v2": "내장 기본 모델 — all-MiniLM-L6-v2",
    "Local folder…": "로컬 폴더…", "Hugging Face hub id…": "Hugging Face 허브 ID…", "Recent: {model}": "최근: {model}",
    "Choose a model folder": "모델 폴더 선택", "bundled model": "내장 모델", "Load {model}": "{model} 불러오기",
    " and ": ", ", "cross-encoder": "크로스 인코더", "bi-encoder": "바이 인코더",
    "Load the last {models}": "마지막 {models} 불러오기",
    "Could not load the last cross-encoder ({source}): {message}": "마지막 크로스 인코더({source})를 불러올 수 없습니다: {message}",
    "Could not load the last bi-encoder ({source}): {message}": "마지막 바이 인코더({source})를 불러올 수 없습니다: {message}",
    "Could not load the model: {message}": "모델을 불러올 수 없습니다: {message}",
    "Could not load the model": "모델을 불러올 수 없습니다", "<b>{model}</b> (active)": "<b>{model}</b> (활성)",
    "Not evaluated here (no dev figure).": "여기서 평가하지 않았습니다 (dev 수치 없음).",
    # -- Train page and form
    "Stop at the next step and keep a checkpoint to resume from": "다음 스텝에서 멈추고 이어서 학습할 체크포인트를 남깁니다",
    "Resume": "이어서 학습", "Continue the selected cancelled run from its checkpoint": "선택한 취소된 실행을 체크포인트부터 이어 갑니다",
    "Not started": "시작 전", "Log scale": "로그 축", "Show the loss on a logarithmic axis": "손실을 로그 축으로 표시합니다",
    "Runs are saved under the app's runs folder.": "실행 결과는 앱의 runs 폴더에 저장됩니다.",
    "Make active model": "활성 모델로 지정", "Open folder": "폴더 열기", "Open run…": "실행 열기…",
    "Bring a run folder (trained here or headless elsewhere) into the list, with its history and curves":
        "실행 폴더(여기서 또는 다른 곳에서 헤드리스로 학습한 것)를 기록과 곡선과 함께 목록에 추가합니다",
    "Export as command line…": "명령줄로 내보내기…",
    "The selected run (or the form) as the exact sbert-desktop train command, and a launch script for a bigger machine (several GPUs, several machines)":
        "선택한 실행(또는 양식)을 그대로 재현하는 sbert-desktop train 명령과 더 큰 장비(여러 GPU, 여러 대)용 실행 스크립트",
    "Runs (check to overlay)": "실행 목록 (체크하면 겹쳐 그림)", " · stopping after this step…": " · 이번 스텝 후 멈추는 중…",
    "Reading the data and loading the model…": "데이터를 읽고 모델을 불러오는 중…",
    "Reading the data: {notes}.": "데이터 읽기: {notes}.",
    "step {done} / {total}": "스텝 {done} / {total}", "epoch {epoch}": "에폭 {epoch}", "elapsed {time}": "경과 {time}",
    "evaluated on dev": "dev 세트로 평가함", "evaluated the untrained model on dev": "학습 전 모델을 dev 세트로 평가함",
    "ETA {time}": "남은 시간 {time}", "Training failed": "학습 실패", "Finished": "완료",
    "Cancelled — Resume continues from the checkpoint": "취소됨 — 이어서 학습을 누르면 체크포인트부터 계속합니다",
    "Failed": "실패", "Stopped before the first checkpoint": "첫 체크포인트 전에 멈춤", "dev metric": "dev 지표",
    " (best dev {metric} {value})": " (최고 dev {metric} {value})", "Saved to {path}": "저장 위치: {path}",
    "Cancelled; checkpoint in {path}": "취소됨. 체크포인트 위치: {path}", "Load {name}": "{name} 불러오기",
    "Could not load the trained model: {message}": "학습한 모델을 불러올 수 없습니다: {message}",
    "Active model: {model}": "활성 모델: {model}", "Open a training run folder": "학습 실행 폴더 열기",
    "{folder}: not a training run folder (no train_config.json)": "{folder}: 학습 실행 폴더가 아닙니다 (train_config.json 없음)",
    "Running": "실행 중", "Stopped": "멈춤", "Cancelled": "취소됨",
    "Softmax classifier over (u, v, |u−v|) — paper": "(u, v, |u−v|) 위의 소프트맥스 분류기 — 논문",
    "Multiple negatives ranking": "다중 음성 순위 손실 (MNRL)", "Cosine similarity, MSE — paper": "코사인 유사도, MSE — 논문",
    "CoSENT ranking": "CoSENT 순위 손실", "Cross-entropy, 3 classes": "교차 엔트로피, 3개 클래스",
    "Binary cross-entropy on the scaled score": "정규화한 점수에 대한 이진 교차 엔트로피",
    "Multiple negatives ranking, gradient caching (big batches, small memory)":
        "다중 음성 순위 손실, 그래디언트 캐싱 (큰 배치, 적은 메모리)",
    "Bi-encoder (SBERT)": "바이 인코더 (SBERT)", "Cross-encoder": "크로스 인코더",
    "Bi-encoders embed each sentence; cross-encoders read both sentences together":
        "바이 인코더는 문장마다 임베딩을 만들고, 크로스 인코더는 두 문장을 함께 읽습니다",
    "STS — similarity scores": "STS — 유사도 점수", "NLI — entailment labels": "NLI — 함의 레이블",
    "Pairs — (anchor, positive), e.g. question/answer": "쌍 — (기준, 정답), 예: 질문/답변",
    "Triplets — (anchor, positive, negative), e.g. mined": "삼중쌍 — (기준, 정답, 오답), 예: 채굴한 오답",
    "Set from the training file when it is opened (STS/NLI); pairs and triplets train a bi-encoder with multiple-negatives ranking on retrieval data":
        "학습 파일을 열면 그에 맞게 정해집니다 (STS/NLI). 쌍과 삼중쌍은 검색용 데이터로 바이 인코더를 다중 음성 순위 손실로 학습합니다",
    "The objective; the first one is the paper's": "학습 목표입니다. 첫 번째가 논문의 방식입니다",
    "Fine-tune the active model (Model page) or the bundled all-MiniLM-L6-v2":
        "활성 모델(모델 페이지) 또는 내장 all-MiniLM-L6-v2를 미세 조정합니다",
    "Training pairs (STS-B, KorSTS, SNLI, KorNLI, SICK or generic)": "학습용 문장 쌍 (STS-B, KorSTS, SNLI, KorNLI, SICK 또는 일반 형식)",
    "Dev pairs, for the metric curve (optional)": "지표 곡선용 dev 문장 쌍 (선택)",
    "Passes over the training data. Paper: 4 for STS-B, 1 for NLI.": "학습 데이터를 도는 횟수. 논문: STS-B는 4, NLI는 1.",
    "paper (STS 4, NLI 1)": "논문 값 (STS 4, NLI 1)", "Pairs per optimisation step. Paper: 16.": "최적화 스텝당 문장 쌍 수. 논문: 16.",
    "Peak learning rate of AdamW. Paper: 2e-5.": "AdamW의 최대 학습률. 논문: 2e-5.",
    "Fraction of steps with a linear warm-up of the learning rate. Paper: 0.1.": "학습률을 선형으로 올리는 워밍업 스텝의 비율. 논문: 0.1.",
    "AdamW weight decay (not on biases and LayerNorm). Default 0.01.": "AdamW 가중치 감쇠 (편향과 LayerNorm 제외). 기본값 0.01.",
    "Clip the gradient norm to this value; 0 turns clipping off.": "그래디언트 노름을 이 값으로 자릅니다. 0이면 자르지 않습니다.",
    "Batches of similar length": "길이가 비슷한 문장끼리 배치",
    "Cut each epoch's shuffled order into groups of 50 batches and sort each group by length: batches pad to little more than their own sentences, so steps are faster (an STS-B epoch in half the time, at the same dev score). The same examples per epoch; not for losses with in-batch negatives (mnrl).":
        "에폭마다 섞은 순서를 50개 배치 묶음으로 나누고 각 묶음을 길이순으로 정렬합니다: 배치의 패딩이 거의 없어 스텝이 빨라집니다 (STS-B 한 에폭이 절반 시간에, 같은 dev 점수로). 에폭마다 같은 예제를 쓰며, 배치 안의 다른 예제를 음성으로 쓰는 손실(mnrl)에는 쓸 수 없습니다.",
    "Longer inputs are truncated to this many tokens. Default: the model's own (256 for the bundled model); a fine-tune keeps it.":
        "이보다 긴 입력은 이 토큰 수에서 잘립니다. 기본값: 모델 자체 값 (내장 모델은 256). 미세 조정 후에도 유지됩니다.",
    "Random seed: the same seed and data give the same model.": "난수 시드: 같은 시드와 데이터는 같은 모델을 만듭니다.",
    "Evaluate on the dev file every N steps (and at each epoch end).": "N 스텝마다 (그리고 에폭이 끝날 때마다) dev 파일로 평가합니다.",
    "each epoch": "에폭마다", "Stop after this many steps (0: train all epochs).": "이 스텝 수 후에 멈춥니다 (0: 모든 에폭 학습).",
    "no limit": "제한 없음", "auto: CUDA, then Apple MPS, then the CPU": "auto: CUDA, 다음은 Apple MPS, 다음은 CPU",
    "Paper defaults": "논문 기본값", "Reset every hyperparameter to the SBERT paper's recipe": "모든 하이퍼파라미터를 SBERT 논문의 설정으로 되돌립니다",
    "Korean preset…": "한국어 프리셋…",
    "Make the active bi-encoder (or the bundled one) Korean-capable: distillation on English–Korean pairs, then KorSTS; shows the estimated time before it starts":
        "활성 바이 인코더(또는 내장 모델)가 한국어를 이해하도록 만듭니다: 영어–한국어 쌍으로 증류한 뒤 KorSTS로 학습. 시작 전에 예상 시간을 보여 줍니다",
    "Cross-encoder preset…": "크로스 인코더 프리셋…",
    "Train a cross-encoder from the active bi-encoder: NLI first, then pairs the bi-encoder scored, then STS-B in both orders (STS-B dev Spearman 87.5 from the bundled model, whose bi-encoder gives 86.7: docs/TRAINING.md); shows the estimated time before it starts":
        "활성 바이 인코더로 크로스 인코더를 학습합니다: 먼저 NLI, 다음에 바이 인코더가 점수를 매긴 쌍, 마지막으로 STS-B를 양방향 순서로 (내장 모델에서 STS-B dev Spearman 87.5, 같은 모델의 바이 인코더는 86.7: docs/TRAINING.md). 시작 전에 예상 시간을 보여 줍니다",
    "What to train": "학습 대상", "Loss": "손실 함수", "Start from": "시작 모델", "Dev": "검증(dev)",
    "Hyperparameters": "하이퍼파라미터", "Epochs": "에폭", "Batch size": "배치 크기", "Learning rate": "학습률",
    "Warm-up ratio": "워밍업 비율", "Weight decay": "가중치 감쇠", "Max grad norm": "최대 그래디언트 노름",
    "Max seq length": "최대 시퀀스 길이", "Evaluate every": "평가 간격", "Max steps": "최대 스텝",
    "Active model — {name}": "활성 모델 — {name}",
    "Use {name} (open on the Data page) as the dev file": "데이터 페이지에 열린 {name}을(를) dev 파일로 사용",
    "Use {name} (open on the Data page) as the train file": "데이터 페이지에 열린 {name}을(를) 학습 파일로 사용",
    "reading…": "읽는 중…", "Inspect {name}": "{name} 살펴보기",
    "{format} · {task} · {rows} pairs · {encoding}": "{format} · {task} · 문장 쌍 {rows}개 · {encoding}",
    "Choose a training file.": "학습 파일을 고르세요.", "Training file not found: {path}": "학습 파일이 없습니다: {path}",
    "Dev file not found: {path}": "dev 파일이 없습니다: {path}", "The learning rate {value} is not a number.": "학습률 {value}은(는) 숫자가 아닙니다.",
    # -- Compare page
    "Nearest neighbours of each sentence (top-k)": "문장마다 가장 가까운 이웃 (top-k)", "All pairs of the sentences": "문장의 모든 쌍",
    "Pair data set from the Data page (with gold)": "데이터 페이지의 문장 쌍 데이터 세트 (정답 포함)",
    "Bi-encoder vs cross-encoder": "바이 인코더 대 크로스 인코더", "Bi-encoder vs gold": "바이 인코더 대 정답",
    "Cross-encoder vs gold": "크로스 인코더 대 정답", "bi-encoder cosine": "바이 인코더 코사인",
    "cross-encoder score": "크로스 인코더 점수", "gold": "정답", "Pairs": "문장 쌍", "Search": "검색",
    "Neighbours per sentence (paraphrase mining, computed in memory-bounded blocks)":
        "문장당 이웃 수 (패러프레이즈 마이닝, 메모리를 제한한 블록 단위로 계산)",
    "all pairs": "모든 쌍", "keep ": "상위 ",
    "Keep only the best N pairs (the cross-encoder scores each one; 0 keeps all)":
        "가장 좋은 N개 쌍만 남깁니다 (크로스 인코더가 각각 채점, 0이면 모두 유지)",
    "Skip repeated sentences": "반복된 문장 건너뛰기",
    "Search by meaning failed: {message}": "의미로 검색하지 못했습니다: {message}",
    "The sentences or the model changed: find pairs again.": "문장이나 모델이 바뀌었습니다. 쌍을 다시 찾으세요.",
    "The cross-encoder changed: find pairs again to score them with it.":
        "크로스 인코더가 바뀌었습니다. 새 모델로 채점하려면 쌍을 다시 찾으세요.", "Each text once": "같은 문장은 한 번만",
    "A sentence that occurs on several rows is one hit, with its number of rows; untick to list every row":
        "여러 행에 나오는 문장은 행 수와 함께 한 번만 보여 줍니다. 모든 행을 보려면 선택을 해제하세요",
    "Pairs among the first occurrence of each text only: a sentence and its copies (cosine 1) do not fill the table":
        "각 문장이 처음 나온 행끼리만 쌍을 찾습니다: 문장과 그 사본(코사인 1)이 표를 채우지 않습니다",
    "Score with the cross-encoder": "크로스 인코더로 채점", "No cross-encoder is loaded: load one on the Model page to score the pairs with it": "크로스 인코더가 없습니다: 쌍을 채점하려면 모델 페이지에서 불러오세요", "Find pairs": "쌍 찾기", "Pairs from": "쌍 출처",
    "Filter: sentences containing…": "필터: 다음을 포함한 문장…", "|Δ rank| ≥ ": "|Δ 순위| ≥ ",
    "Only pairs whose two rankings differ by at least this many places": "두 순위가 이 자리 수 이상 차이 나는 쌍만 표시",
    "Type a query and press Enter…": "검색어를 입력하고 Enter를 누르세요…", "top ": "상위 ",
    "Double-click a result (or right-click a pair) to find sentences similar to it.":
        "결과를 두 번 클릭하면 (또는 쌍을 오른쪽 클릭하면) 비슷한 문장을 찾습니다.",
    "Finding pairs… then scoring them with the cross-encoder": "쌍을 찾는 중… 이어서 크로스 인코더로 채점합니다",
    "Finding pairs…": "쌍을 찾는 중…", "Cancelled; the previous pairs are kept.": "취소됨. 이전 쌍은 그대로 둡니다.",
    "Could not compute the pairs": "쌍을 계산할 수 없습니다", ", scored by the cross-encoder": ", 크로스 인코더로 채점함",
    "{n} pairs": "{n}개 쌍", "Load a cross-encoder, or open a pair data set with gold scores, to compare.":
        "비교하려면 크로스 인코더를 불러오거나 정답 점수가 있는 문장 쌍 데이터 세트를 여세요.",
    "{shown} of {total}": "{total}개 중 {shown}개", "Find sentences similar to A: {text}": "A와 비슷한 문장 찾기: {text}",
    "Find sentences similar to B: {text}": "B와 비슷한 문장 찾기: {text}",
    "find pairs first": "먼저 쌍을 찾으세요", "encode the sentences first": "먼저 문장을 인코딩하세요",
    "the matrix of {n} sentences has {cells} cells (about {size} as float32, several times that as text); the limit is {limit} cells. Export the top-k similarity table instead.":
        "문장 {n}개의 행렬은 {cells}칸입니다 (float32로 약 {size}, 텍스트로는 그 몇 배). 한도는 {limit}칸입니다. 대신 top-k 유사도 표를 내보내세요.",
    "Pair table": "쌍 표", "Search results": "검색 결과", "run a search first": "먼저 검색하세요",
    "Top-k similarity table": "top-k 유사도 표", "Full similarity matrix": "전체 유사도 행렬", "Score scatter": "점수 산점도",
    "find pairs with two scores first": "먼저 점수가 두 개인 쌍을 찾으세요",
    "Sentence A": "문장 A", "Sentence B": "문장 B", "Bi cosine": "바이 코사인", "Cross score": "크로스 점수", "Gold": "정답",
    "Δ rank": "Δ 순위", "reference": "기준", "cross-encoder (or gold)": "크로스 인코더 (또는 정답)",
    "bi-encoder rank minus {ref} rank: {delta}\npositive: the {ref} ranks this pair higher than the bi-encoder":
        "바이 인코더 순위 − {ref} 순위: {delta}\n양수: {ref}이(가) 바이 인코더보다 이 쌍을 높게 평가",
    "bi-encoder cosine similarity": "바이 인코더 코사인 유사도", "cross-encoder score of the pair": "쌍의 크로스 인코더 점수",
    "difference of ranks: bi-encoder rank minus {ref} rank (positive: the {ref} ranks the pair higher)":
        "순위 차이: 바이 인코더 순위 − {ref} 순위 (양수: {ref}이(가) 이 쌍을 더 높게 평가)",
    "the data set's gold score or label": "데이터 세트의 정답 점수 또는 레이블",
    "Bi-encoder": "바이 인코더", "Cross-encoder rerank": "크로스 인코더 재순위화", "Cosine": "코사인", "Score": "점수",
    "Move": "이동", "Neighbours of": "이웃 기준 문장", "Query": "검색어", "Encode the sentences first.": "먼저 문장을 인코딩하세요.",
    "Bi-encoder: searching…": "바이 인코더: 검색 중…", "encode {encode} · search {search}": "인코딩 {encode} · 검색 {search}",
    "search {search}": "검색 {search}", "{n} rows hold this text; shown: row {row}.":
        "이 문장이 있는 행: {n}개. 표시된 행: {row}.", "<b>Bi-encoder</b>: top {k} of {n} in {time} ({detail})":
        "<b>바이 인코더</b>: {n}개 중 상위 {k}개, {time} ({detail})",
    "Cross-encoder: load one on the Model page to rerank these.": "크로스 인코더: 재순위화하려면 모델 페이지에서 불러오세요.",
    "Cross-encoder: rescoring {n} candidates…": "크로스 인코더: 후보 {n}개를 다시 채점하는 중…", "Rerank": "재순위화",
    "<b>Cross-encoder</b>: reranked {n} candidates in {time}": "<b>크로스 인코더</b>: 후보 {n}개를 {time}에 재순위화",
    "Search failed: {message}": "검색 실패: {message}",
    "bi-encoder rank {bi} → cross-encoder rank {cross}": "바이 인코더 순위 {bi} → 크로스 인코더 순위 {cross}",
    # -- Clusters page
    "Finds the number of clusters itself and marks outliers as noise": "클러스터 수를 스스로 찾고 이상치는 노이즈로 표시합니다",
    "For comparison: exactly k clusters, no noise": "비교용: 정확히 k개 클러스터, 노이즈 없음",
    "Agglomerative (Ward)": "병합 군집 (Ward)",
    "For comparison: exactly k clusters, no noise (up to 20,000 points)": "비교용: 정확히 k개 클러스터, 노이즈 없음 (최대 20,000개 점)",
    "Auto": "자동", "None": "없음", "UMAP on the neighbour index": "이웃 인덱스 기반 UMAP", "same as min size": "최소 크기와 같게",
    "HDBSCAN's min_samples: larger values call more points noise": "HDBSCAN의 min_samples: 값이 클수록 더 많은 점을 노이즈로 봅니다",
    "Auto: UMAP to a few dimensions before HDBSCAN from 200 sentences (above 10,000 on the neighbour index's graph); "
    "none for k-means and agglomerative":
        "자동: 200문장부터 HDBSCAN 전에 UMAP으로 몇 차원으로 줄입니다 (10,000문장 초과 시 이웃 인덱스의 그래프로). "
        "k-means와 병합 군집은 줄이지 않습니다",
    "Assign noise points to the nearest cluster": "노이즈 점을 가장 가까운 클러스터에 배정", "Cluster": "클러스터링",
    "Cancel": "취소", "Clustering": "클러스터링", "Method": "방법", "Min cluster size": "최소 클러스터 크기",
    "Min samples": "최소 샘플 수", "Clusters (k)": "클러스터 수 (k)", "Metric": "거리 척도", "Reduce first": "먼저 차원 축소",
    "Reduced dimensions": "축소 차원 수", "Seed": "시드", "Built-in English and Korean stop words": "내장 영어·한국어 불용어",
    "More stop words, separated by spaces or commas": "추가 불용어 (공백이나 쉼표로 구분)", "Update labels": "레이블 갱신",
    "Keyword labels (class-based TF-IDF)": "키워드 레이블 (클래스 기반 TF-IDF)", "No clusters yet.": "아직 클러스터가 없습니다.",
    "Name": "이름", "Size": "크기", "Share": "비율", "Silhouette": "실루엣",
    "Keywords (c-TF-IDF) unless renamed; double-click to rename": "이름을 바꾸지 않았다면 키워드(c-TF-IDF). 두 번 클릭해 이름 바꾸기",
    "Mean cosine silhouette of the cluster's sentences (-1 … 1)": "클러스터 문장들의 평균 코사인 실루엣 (-1 … 1)",
    "Select a cluster": "클러스터를 선택하세요", "Most central sentences": "가장 중심에 있는 문장",
    "All sentences of the cluster": "클러스터의 모든 문장", "Clustering {n} sentences ({method})…": "문장 {n}개 클러스터링 중 ({method})…",
    "Clustering: {stage}…": "클러스터링: {stage}…", "Clustering cancelled; the previous result is kept.": "클러스터링을 취소했습니다. 이전 결과는 그대로 둡니다.",
    "Names: {summary}": "이름: {summary}", "Clustering failed: {message}": "클러스터링 실패: {message}",
    "Clustering failed": "클러스터링 실패", "Cluster labels": "클러스터 레이블",
    "Encode the sentences, then cluster them.": "문장을 인코딩한 다음 클러스터링하세요.",
    "noise {share} ({count} of {n} sentences)": "노이즈 {share} (문장 {n}개 중 {count}개)",
    "no noise (every point is in a cluster)": "노이즈 없음 (모든 점이 클러스터에 속함)",
    "HDBSCAN found no group of {size} or more close sentences among {n}: lower Min cluster size, or use k-means":
        "HDBSCAN이 문장 {n}개 중에서 서로 가까운 문장 {size}개 이상의 묶음을 찾지 못했습니다: 최소 클러스터 크기를 낮추거나 k-means를 쓰세요",
    "{count} noise points ({share}) assigned to their nearest cluster": "노이즈 점 {count}개({share})를 가장 가까운 클러스터에 배정함",
    " on {reduction}": " ({reduction} 후)",
    ", merged from {count} HDBSCAN clusters": ", HDBSCAN 클러스터 {count}개에서 병합", "Topics": "주제 수",
    ", then {share} of the sentences moved to a nearer topic": ", 이어서 문장의 {share}를 더 가까운 주제로 옮김",
    "automatic": "자동",
    "topics": "주제 수", "silhouette": "실루엣", "modularity": "모듈성",
    "how well the sentences' neighbour graph splits into that many topics (modularity)":
        "문장들의 이웃 그래프가 그 수의 주제로 얼마나 잘 나뉘는지 (모듈성)",
    "the silhouette of the same clusters merged into fewer topics": "같은 클러스터를 더 적은 주제로 병합했을 때의 실루엣",
    "The default took the best level, {n} topics, instead of HDBSCAN's {fine} clusters.":
        "기본 설정은 HDBSCAN 클러스터 {fine}개 대신 가장 좋은 수준인 주제 {n}개를 골랐습니다.",
    "The silhouette also peaks at a broader level:": "실루엣은 더 넓은 수준에서도 정점에 이릅니다:",
    "No broader level stands out.": "두드러지는 더 넓은 수준은 없습니다.",
    "The levels from {low} to {high} topics (shaded) split it within {share} of the best: the data sets the number only loosely, compare them.":
        "주제 {low}개에서 {high}개까지의 수준(음영)은 가장 좋은 수준과 {share} 이내로 비슷하게 나뉩니다. 데이터가 주제 수를 뚜렷하게 정하지 않으니 서로 비교해 보세요.",
    "The levels from {low} to {high} topics (shaded) split it within {share} of the best.":
        "주제 {low}개에서 {high}개까지의 수준(음영)은 가장 좋은 수준과 {share} 이내로 비슷하게 나뉩니다.",
    "<b>Topic levels</b>: {what}. {news} Click a point to cluster into that many topics.":
        "<b>주제 수준</b>: {what}. {news} 점을 클릭하면 그 수의 주제로 클러스터링합니다.",
    "Sets Topics to {n} and clusters again": "주제 수를 {n}(으)로 두고 다시 클러스터링합니다",
    "{n} topics: {measure} {score}. Click to cluster into {n} topics.":
        "주제 {n}개: {measure} {score}. 클릭하면 주제 {n}개로 클러스터링합니다.",
    " (the level where the neighbour graph splits best)": " (이웃 그래프가 가장 잘 나뉘는 수준)",
    "Try {n} topics": "주제 {n}개로 해 보기",
    "Automatic: HDBSCAN's clusters merged to the level of best silhouette, or to a several times broader level "
    "where the sentences' neighbour graph splits best, read as a number is. A number: that many topics by k-means on "
    "each sentence's vector averaged with its neighbours', from the same tree cut there and from 10 other starts, "
    "the one that splits the neighbour graph best kept":
        "자동: HDBSCAN 클러스터를 실루엣이 가장 좋은 수준까지 병합하거나, 문장들의 이웃 그래프가 가장 잘 나뉘는 "
        "몇 배 더 넓은 수준을 숫자와 같은 방식으로 읽습니다. 숫자: 각 문장의 벡터를 이웃 벡터와 평균한 뒤 k-means로 "
        "그 수의 주제로 나눕니다. 같은 병합 트리를 그 수준에서 자른 것과 다른 시작점 10개에서 출발해 이웃 "
        "그래프를 가장 잘 나누는 결과를 남깁니다",
    ", then k-means from a start that splits the neighbour graph better: {share} of the sentences in another topic "
    "than the tree's cut":
        ", 이어서 이웃 그래프를 더 잘 나누는 시작점의 k-means: 문장의 {share}가 트리 자르기와 다른 주제에 속함",
    "<b>{n} clusters</b> · {noise} · silhouette {silhouette} · {method} · {seconds} s":
        "<b>클러스터 {n}개</b> · {noise} · 실루엣 {silhouette} · {method} · {seconds}초",
    "noise": "노이즈", "renamed by hand; keywords: {words}": "직접 이름 붙임. 키워드: {words}",
    "keywords: {words} (double-click to rename)": "키워드: {words} (두 번 클릭해 이름 바꾸기)", "Noise": "노이즈",
    "Cluster {n}": "클러스터 {n}", "keywords: {words}": "키워드: {words}",
    "Korean words: Kiwi {version} (nouns)": "한국어 단어: Kiwi {version} (명사)",
    "Korean words: particle heuristic (install kiwipiepy for morphological analysis)":
        "한국어 단어: 조사 제거 규칙 (형태소 분석을 하려면 kiwipiepy를 설치하세요)",
    "Clusters (one row per sentence)": "클러스터 (문장당 한 행)", "cluster the sentences first": "먼저 문장을 클러스터링하세요",
    "Embeddings": "임베딩", "(no keywords)": "(키워드 없음)", "noise: {words}": "노이즈: {words}",
    # -- Map page
    "Words": "단어", "Sentences containing these whole words (\"rain\" does not find \"training\")":
        "이 단어가 온전히 들어 있는 문장 (\"rain\"으로 \"training\"은 찾지 않음)",
    "Text": "텍스트", "Sentences containing this text anywhere, inside words too": "이 텍스트가 어디에든 (단어 안에도) 들어 있는 문장",
    "Meaning": "의미", "The sentences nearest in meaning: the query is embedded with the bi-encoder":
        "의미가 가장 가까운 문장: 검색어를 바이 인코더로 임베딩합니다",
    "Project": "투영", "No map yet.": "아직 지도가 없습니다.", "Projection": "투영", "Perplexity": "퍼플렉서티",
    "Neighbours": "이웃 수", "Min distance": "최소 거리", "Pan": "이동", "Drag to pan, wheel to zoom": "끌어서 이동, 휠로 확대·축소",
    "Rectangle": "사각형", "Drag a rectangle to select points": "사각형을 끌어 점을 선택합니다", "Lasso": "올가미",
    "Draw around points to select them": "점 주위를 그려서 선택합니다", "Zoom to all": "전체 보기",
    "The map opens on the bulk of the points; this shows every point": "지도는 점이 몰린 곳을 먼저 보여 줍니다. 이 버튼은 모든 점을 보여 줍니다",
    "Clear selection": "선택 해제", "Highlight sentences…": "문장 강조…", "Select and search": "선택과 검색",
    "Colour the points by their cluster, or by a label column of the file (e.g. topic)":
        "점을 클러스터 또는 파일의 레이블 열(예: topic)에 따라 색칠합니다",
    "Colours": "색상", "Drag a rectangle (or lasso) on the map to list its sentences.": "지도에서 사각형(또는 올가미)을 끌면 그 안의 문장이 나열됩니다.",
    "Hover over a point to read its sentence; click it for its nearest neighbours.":
        "점 위에 마우스를 올리면 문장을 볼 수 있고, 클릭하면 가장 가까운 이웃을 보여 줍니다.",
    "Sentence": "문장", "Showing {shown}; press Project for {method}.": "{shown} 결과를 표시 중입니다. {method}(으)로 보려면 투영을 누르세요.",
    "Project ({method})": "투영 ({method})", "Projecting {n} sentences with {method}…": "문장 {n}개를 {method}(으)로 투영하는 중…",
    "Projection failed: {message}": "투영 실패: {message}", "Projection cancelled.": "투영을 취소했습니다.",
    "Encode the sentences to draw the map.": "지도를 그리려면 문장을 인코딩하세요.", "perplexity {value}": "퍼플렉서티 {value}",
    "{n} neighbours, min dist {dist}": "이웃 {n}개, 최소 거리 {dist}", "seed {seed}": "시드 {seed}",
    "Label column: {name}": "레이블 열: {name}", "Cluster on the Clusters page to colour the map.": "지도를 색칠하려면 클러스터 페이지에서 클러스터링하세요.",
    "Load a bi-encoder on the Model page to search by meaning.": "의미로 검색하려면 모델 페이지에서 바이 인코더를 불러오세요.",
    "Search the map by meaning": "의미로 지도 검색", "nearest in meaning to “{query}”": "“{query}”와(과) 의미가 가장 가까움",
    " · cluster: {name}": " · 클러스터: {name}", "Nothing selected.": "선택한 것이 없습니다.", "{n} selected sentences": "선택한 문장 {n}개",
    "project the map first": "먼저 지도를 투영하세요", "2-D coordinates": "2차원 좌표", "Selected sentences": "선택한 문장",
    "No points": "점 없음", "{n} points": "점 {n}개", "{n} points as a density image; zoom in for single points":
        "점 {n}개를 밀도 이미지로 표시. 확대하면 점 하나하나가 보입니다",
    "{k} of {n} points in view; zoom out for the density of all": "점 {n}개 중 {k}개가 보임. 축소하면 전체 밀도가 보입니다",
    "{n} selected": "{n}개 선택", "{n} far-away points outside the view (Zoom to all shows them)": "멀리 떨어진 점 {n}개는 화면 밖에 있음 (전체 보기로 표시)",
    # -- Evaluate page
    "Pooling table": "풀링 표", "Bi vs cross (accuracy, speed, cost)": "바이 대 크로스 (정확도, 속도, 비용)",
    "Retrieve then rerank": "검색 후 재순위화",
    "A labelled pair set: STS (scores) or NLI (labels), any format the Data page reads":
        "레이블이 있는 문장 쌍: STS(점수) 또는 NLI(레이블), 데이터 페이지가 읽는 어떤 형식이든",
    "Candidates the cross-encoder reranks, comma-separated": "크로스 인코더가 재순위화할 후보 수 (쉼표로 구분)",
    "rerank k": "재순위화 k", "Run": "실행", "Draw an earlier run beside this one (before/after fine-tuning)":
        "이전 실행을 이번 실행 옆에 그립니다 (미세 조정 전/후)",
    "Compare with": "비교 대상", "Data set": "데이터 세트", "Models": "모델", "Tables": "표", "Pooling": "풀링",
    "Accuracy and measured speed on this data set": "이 데이터 세트에서의 정확도와 측정한 속도",
    "Comparing all pairs of n sentences": "문장 n개의 모든 쌍 비교", "Bi vs cross": "바이 대 크로스", "Retrieval": "검색",
    "Runs": "실행 목록", "Load or switch models on the Model page.": "모델 페이지에서 모델을 불러오거나 바꾸세요.",
    "Choose a labelled pair file first.": "먼저 레이블이 있는 문장 쌍 파일을 고르세요.", "Not found: {path}": "찾을 수 없음: {path}",
    "Load a bi-encoder on the Model page first.": "먼저 모델 페이지에서 바이 인코더를 불러오세요.",
    "rerank k: {value} is not a list of numbers": "재순위화 k: {value}은(는) 숫자 목록이 아닙니다", "Evaluating…": "평가하는 중…",
    "Cancelled; earlier runs are kept.": "취소됨. 이전 실행은 그대로 둡니다.", "Result dropped: {why}.": "결과를 버렸습니다: {why}.",
    "Could not evaluate": "평가할 수 없습니다", "(nothing)": "(없음)", "{name}: {pairs} pairs in {seconds} s": "{name}: 문장 쌍 {pairs}개, {seconds}초",
    ". Note: {notes}": ". 참고: {notes}",
    "{queries} queries against {corpus} sentences; relevant: {relevance}. Time: {timing} ({timing_queries} queries).":
        "검색어 {queries}개 대 문장 {corpus}개. 정답 기준: {relevance}. 시간: {timing} (검색어 {timing_queries}개).",
    "run it first": "먼저 실행하세요", "Bi vs cross table": "바이 대 크로스 표", "All-pairs cost table": "모든 쌍 비용 표",
    "Retrieval table": "검색 표", "Pooling chart": "풀링 차트", "Accuracy against time": "시간 대비 정확도",
}
KO_PAGES["Load a cross-encoder on the Model page to score pairs with it"] = "쌍을 크로스 인코더로 채점하려면 모델 페이지에서 불러오세요"
KO_PAGES.update({
    # the Train page's distillation settings (gui/pages/distill_form.py)
    "Distillation": "증류", "the start model itself (or a folder / hub id)": "시작 모델 자신 (또는 폴더 / 허브 ID)",
    "The teacher embeds the source sentences; the student learns to put the source and its translation there. Empty: the model training starts from":
        "교사 모델이 원문 문장을 임베딩하고, 학생 모델은 원문과 번역문을 그 자리에 놓도록 배웁니다. 비워 두면 학습을 시작하는 모델이 교사입니다",
    "Columns of the parallel file (the training file): the source sentence and its translation":
        "병렬 파일(학습 파일)의 열: 원문 문장과 그 번역문",
    "STS dev set to watch, e.g. KorSTS dev (optional)": "지켜볼 STS dev 세트, 예: KorSTS dev (선택)",
    "Teacher": "교사 모델", "Source column": "원문 열", "Translation column": "번역문 열", "STS dev": "STS dev",
    "STS dev file not found: {path}": "STS dev 파일이 없습니다: {path}",
    "The source and the translation column are the same ({column}).": "원문 열과 번역문 열이 같습니다 ({column}).",
    "MSE to the teacher's embedding of the source — paper": "원문에 대한 교사 임베딩과의 MSE — 논문",
    "Distillation — parallel sentences (source, translation)": "증류 — 병렬 문장 (원문, 번역문)",
    "{n} sentence pairs": "문장 쌍 {n}개",
})
KO_PAGES.update({
    # Evaluate page tables and charts (gui/pages/evaluate_text.py)
    "pooling": "풀링", "encoder": "인코더", "model": "모델", "sentences/s": "문장/초", "pairs/s": "쌍/초", "seconds": "초",
    "n sentences": "문장 수 n", "pairs": "쌍 수", "bi seconds": "바이 초", "cross seconds": "크로스 초", "method": "방법",
    "ms/query": "ms/검색어", "run": "실행", "own pooling": "자체 풀링", "bi x 100": "바이 x 100", "cross x 100": "크로스 x 100",
    "bi MRR@10": "바이 MRR@10", "best rerank MRR@10": "최고 재순위화 MRR@10", "accuracy": "정확도", "macro_f1": "macro-F1",
    "time per query (ms)": "검색어당 시간 (ms)", "last token": "마지막 토큰", "weighted": "가중", "rerank k={k}": "재순위화 k={k}",
})
KO_PAGES.update({"run {n}: {models} on {data}": "실행 {n}: {models}, {data}"})
KO_PAGES.update({"Cluster|button: run the clustering": "클러스터링", "Cluster": "클러스터", "sentence": "문장", "cluster": "클러스터"})
KO_PAGES.update({"{seconds} s": "{seconds}초"})
