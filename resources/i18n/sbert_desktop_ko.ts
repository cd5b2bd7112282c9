<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CacheDialog</name>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="21" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="21" />
        <source>Sentences</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="21" />
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="21" />
        <source>Last used</source>
        <translation>마지막 사용</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="37" />
        <source>Embedding cache</source>
        <translation>임베딩 캐시</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="41" />
        <source>Reading the cache…</source>
        <translation>캐시를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="60" />
        <source>When the cache grows beyond this, the models used least recently are removed</source>
        <translation>캐시가 이 크기를 넘으면 가장 오래 쓰지 않은 모델부터 지웁니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="61" />
        <source>Apply limit</source>
        <translation>한도 적용</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="63" />
        <source>Clear cache…</source>
        <translation>캐시 비우기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="66" />
        <source>Size limit</source>
        <translation>크기 한도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="78" />
        <source>Folder: {path}</source>
        <translation>폴더: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="85" />
        <source>Read embedding cache</source>
        <translation>임베딩 캐시 읽기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="92" />
        <source>{name} failed: {message}</source>
        <translation>{name} 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="110" />
        <source>{source}
fingerprint {fingerprint}
dimension {dimension}</source>
        <translation>{source}
지문 {fingerprint}
차원 {dimension}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="116" />
        <source>{used} of {limit} used · {models} model(s) · {n} sentences</source>
        <translation>{limit} 중 {used} 사용 · 모델 {models}개 · 문장 {n}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="130" />
        <source>Apply embedding cache limit</source>
        <translation>임베딩 캐시 한도 적용</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="134" />
        <source>Clear the embedding cache?</source>
        <translation>임베딩 캐시를 비울까요?</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="135" />
        <source>Remove every cached embedding? Sentences are encoded again the next time they are needed.</source>
        <translation>캐시된 임베딩을 모두 지울까요? 문장은 다음에 필요할 때 다시 인코딩됩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="141" />
        <source>Sentences are being encoded; clear the cache when that finished.</source>
        <translation>문장을 인코딩하는 중입니다. 끝난 뒤에 캐시를 비우세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cache_dialog.py" line="151" />
        <source>Clear embedding cache</source>
        <translation>임베딩 캐시 비우기</translation>
    </message>
</context>
<context>
    <name>Clusters</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="35" />
        <source>Finds the number of clusters itself and marks outliers as noise</source>
        <translation>클러스터 수를 스스로 찾고 이상치는 노이즈로 표시합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="36" />
        <source>For comparison: exactly k clusters, no noise</source>
        <translation>비교용: 정확히 k개 클러스터, 노이즈 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="37" />
        <source>Agglomerative (Ward)</source>
        <translation>병합 군집 (Ward)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="38" />
        <source>For comparison: exactly k clusters, no noise (up to 20,000 points)</source>
        <translation>비교용: 정확히 k개 클러스터, 노이즈 없음 (최대 20,000개 점)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="39" />
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="39" />
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="40" />
        <source>UMAP on the neighbour index</source>
        <translation>이웃 인덱스 기반 UMAP</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="91" />
        <source>same as min size</source>
        <translation>최소 크기와 같게</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="92" />
        <source>HDBSCAN's min_samples: larger values call more points noise</source>
        <translation>HDBSCAN의 min_samples: 값이 클수록 더 많은 점을 노이즈로 봅니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="109" />
        <source>Auto: UMAP to a few dimensions before HDBSCAN from 200 sentences (above 10,000 on the neighbour index's graph); none for k-means and agglomerative</source>
        <translation>자동: 200문장부터 HDBSCAN 전에 UMAP으로 몇 차원으로 줄입니다 (10,000문장 초과 시 이웃 인덱스의 그래프로). k-means와 병합 군집은 줄이지 않습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="118" />
        <source>Assign noise points to the nearest cluster</source>
        <translation>노이즈 점을 가장 가까운 클러스터에 배정</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="181" />
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="126" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="95" />
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="96" />
        <source>Automatic: HDBSCAN's clusters merged to the level of best silhouette, or to a several times broader level where the sentences' neighbour graph splits best, read as a number is. A number: that many topics by k-means on each sentence's vector averaged with its neighbours', from the same tree cut there and from 10 other starts, the one that splits the neighbour graph best kept</source>
        <translation>자동: HDBSCAN 클러스터를 실루엣이 가장 좋은 수준까지 병합하거나, 문장들의 이웃 그래프가 가장 잘 나뉘는 몇 배 더 넓은 수준을 숫자와 같은 방식으로 읽습니다. 숫자: 각 문장의 벡터를 이웃 벡터와 평균한 뒤 k-means로 그 수의 주제로 나눕니다. 같은 병합 트리를 그 수준에서 자른 것과 다른 시작점 10개에서 출발해 이웃 그래프를 가장 잘 나누는 결과를 남깁니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="120" />
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="267" />
        <source>Cluster</source>
        <comment>button: run the clustering</comment>
        <translation>클러스터링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="132" />
        <source>Clustering</source>
        <translation>클러스터링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="134" />
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="135" />
        <source>Min cluster size</source>
        <translation>최소 클러스터 크기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="136" />
        <source>Min samples</source>
        <translation>최소 샘플 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="137" />
        <source>Topics</source>
        <translation>주제 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="138" />
        <source>Clusters (k)</source>
        <translation>클러스터 수 (k)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="139" />
        <source>Metric</source>
        <translation>거리 척도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="140" />
        <source>Reduce first</source>
        <translation>먼저 차원 축소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="141" />
        <source>Reduced dimensions</source>
        <translation>축소 차원 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="142" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="150" />
        <source>Built-in English and Korean stop words</source>
        <translation>내장 영어·한국어 불용어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="154" />
        <source>More stop words, separated by spaces or commas</source>
        <translation>추가 불용어 (공백이나 쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="156" />
        <source>Update labels</source>
        <translation>레이블 갱신</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="158" />
        <source>Keyword labels (class-based TF-IDF)</source>
        <translation>키워드 레이블 (클래스 기반 TF-IDF)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="177" />
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="374" />
        <source>No clusters yet.</source>
        <translation>아직 클러스터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="181" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="181" />
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="181" />
        <source>Share</source>
        <translation>비율</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="181" />
        <source>Silhouette</source>
        <translation>실루엣</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="182" />
        <source>Keywords (c-TF-IDF) unless renamed; double-click to rename</source>
        <translation>이름을 바꾸지 않았다면 키워드(c-TF-IDF). 두 번 클릭해 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="183" />
        <source>Mean cosine silhouette of the cluster's sentences (-1 … 1)</source>
        <translation>클러스터 문장들의 평균 코사인 실루엣 (-1 … 1)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="201" />
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="451" />
        <source>Select a cluster</source>
        <translation>클러스터를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="212" />
        <source>Most central sentences</source>
        <translation>가장 중심에 있는 문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="213" />
        <source>All sentences of the cluster</source>
        <translation>클러스터의 모든 문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="271" />
        <source>Clustering {n} sentences ({method})…</source>
        <translation>문장 {n}개 클러스터링 중 ({method})…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="275" />
        <source>Clustering: {stage}…</source>
        <translation>클러스터링: {stage}…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="278" />
        <source>Clustering cancelled; the previous result is kept.</source>
        <translation>클러스터링을 취소했습니다. 이전 결과는 그대로 둡니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="295" />
        <source>Names: {summary}</source>
        <translation>이름: {summary}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="300" />
        <source>Clustering failed: {message}</source>
        <translation>클러스터링 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="304" />
        <source>Clustering failed</source>
        <translation>클러스터링 실패</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="320" />
        <source>Cluster labels</source>
        <translation>클러스터 레이블</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="391" />
        <source>HDBSCAN found no group of {size} or more close sentences among {n}: lower Min cluster size, or use k-means</source>
        <translation>HDBSCAN이 문장 {n}개 중에서 서로 가까운 문장 {size}개 이상의 묶음을 찾지 못했습니다: 최소 클러스터 크기를 낮추거나 k-means를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="407" />
        <source>, then k-means from a start that splits the neighbour graph better: {share} of the sentences in another topic than the tree's cut</source>
        <translation>, 이어서 이웃 그래프를 더 잘 나누는 시작점의 k-means: 문장의 {share}가 트리 자르기와 다른 주제에 속함</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="64" />
        <source>topics</source>
        <extracomment>a click this many pixels (along the axis) from a level's point picks it</extracomment>
        <translation>주제 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="65" />
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="116" />
        <source>silhouette</source>
        <translation>실루엣</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="115" />
        <source>modularity</source>
        <translation>모듈성</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="123" />
        <source>how well the sentences' neighbour graph splits into that many topics (modularity)</source>
        <translation>문장들의 이웃 그래프가 그 수의 주제로 얼마나 잘 나뉘는지 (모듈성)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="125" />
        <source>the silhouette of the same clusters merged into fewer topics</source>
        <translation>같은 클러스터를 더 적은 주제로 병합했을 때의 실루엣</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="127" />
        <source>The default took the best level, {n} topics, instead of HDBSCAN's {fine} clusters.</source>
        <translation>기본 설정은 HDBSCAN 클러스터 {fine}개 대신 가장 좋은 수준인 주제 {n}개를 골랐습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="130" />
        <source>The silhouette also peaks at a broader level:</source>
        <translation>실루엣은 더 넓은 수준에서도 정점에 이릅니다:</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="132" />
        <source>No broader level stands out.</source>
        <translation>두드러지는 더 넓은 수준은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="134" />
        <source>The levels from {low} to {high} topics (shaded) split it within {share} of the best: the data sets the number only loosely, compare them.</source>
        <translation>주제 {low}개에서 {high}개까지의 수준(음영)은 가장 좋은 수준과 {share} 이내로 비슷하게 나뉩니다. 데이터가 주제 수를 뚜렷하게 정하지 않으니 서로 비교해 보세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="138" />
        <source>The levels from {low} to {high} topics (shaded) split it within {share} of the best.</source>
        <translation>주제 {low}개에서 {high}개까지의 수준(음영)은 가장 좋은 수준과 {share} 이내로 비슷하게 나뉩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="141" />
        <source>&lt;b&gt;Topic levels&lt;/b&gt;: {what}. {news} Click a point to cluster into that many topics.</source>
        <translation>&lt;b&gt;주제 수준&lt;/b&gt;: {what}. {news} 점을 클릭하면 그 수의 주제로 클러스터링합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="146" />
        <source>Sets Topics to {n} and clusters again</source>
        <translation>주제 수를 {n}(으)로 두고 다시 클러스터링합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="183" />
        <source>{n} topics: {measure} {score}. Click to cluster into {n} topics.</source>
        <translation>주제 {n}개: {measure} {score}. 클릭하면 주제 {n}개로 클러스터링합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/topic_levels.py" line="144" />
        <source>Try {n} topics</source>
        <translation>주제 {n}개로 해 보기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="375" />
        <source>Encode the sentences, then cluster them.</source>
        <translation>문장을 인코딩한 다음 클러스터링하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="384" />
        <source>noise {share} ({count} of {n} sentences)</source>
        <translation>노이즈 {share} (문장 {n}개 중 {count}개)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="386" />
        <source>no noise (every point is in a cluster)</source>
        <translation>노이즈 없음 (모든 점이 클러스터에 속함)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="388" />
        <source>{count} noise points ({share}) assigned to their nearest cluster</source>
        <translation>노이즈 점 {count}개({share})를 가장 가까운 클러스터에 배정함</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="395" />
        <source> on {reduction}</source>
        <translation> ({reduction} 후)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="399" />
        <source>, merged from {count} HDBSCAN clusters</source>
        <translation>, HDBSCAN 클러스터 {count}개에서 병합</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="402" />
        <source> (the level where the neighbour graph splits best)</source>
        <translation> (이웃 그래프가 가장 잘 나뉘는 수준)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="404" />
        <source>, then {share} of the sentences moved to a nearer topic</source>
        <translation>, 이어서 문장의 {share}를 더 가까운 주제로 옮김</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="410" />
        <source>&lt;b&gt;{n} clusters&lt;/b&gt; · {noise} · silhouette {silhouette} · {method} · {seconds} s</source>
        <translation>&lt;b&gt;클러스터 {n}개&lt;/b&gt; · {noise} · 실루엣 {silhouette} · {method} · {seconds}초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="418" />
        <source>noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="430" />
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="455" />
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="431" />
        <source>renamed by hand; keywords: {words}</source>
        <translation>직접 이름 붙임. 키워드: {words}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="432" />
        <source>keywords: {words} (double-click to rename)</source>
        <translation>키워드: {words} (두 번 클릭해 이름 바꾸기)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="456" />
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="456" />
        <source>Cluster {n}</source>
        <translation>클러스터 {n}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="458" />
        <source>keywords: {words}</source>
        <translation>키워드: {words}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="464" />
        <source>sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="498" />
        <source>Korean words: Kiwi {version} (nouns)</source>
        <translation>한국어 단어: Kiwi {version} (명사)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters.py" line="499" />
        <source>Korean words: particle heuristic (install kiwipiepy for morphological analysis)</source>
        <translation>한국어 단어: 조사 제거 규칙 (형태소 분석을 하려면 kiwipiepy를 설치하세요)</translation>
    </message>
</context>
<context>
    <name>ClustersExport</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters_export.py" line="31" />
        <source>Clusters (one row per sentence)</source>
        <translation>클러스터 (문장당 한 행)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters_export.py" line="33" />
        <source>cluster the sentences first</source>
        <translation>먼저 문장을 클러스터링하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/clusters_export.py" line="34" />
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="19" />
        <source>Run headless</source>
        <translation>헤드리스로 실행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="25" />
        <source>Processes on one machine (one per GPU): --nproc N runs torchrun, data-parallel</source>
        <translation>한 장비의 프로세스 수 (GPU당 하나): --nproc N은 torchrun으로 데이터 병렬 실행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="33" />
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="35" />
        <source>Save launch script…</source>
        <translation>실행 스크립트 저장…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="39" />
        <source>Processes (GPUs) on one machine:</source>
        <translation>한 장비의 프로세스(GPU) 수:</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="58" />
        <source>Several machines: torchrun --nnodes M --nproc-per-node G --rdzv-endpoint HOST:29500 -m sbert_desktop train … (the same options)</source>
        <translation>여러 대의 장비: torchrun --nnodes M --nproc-per-node G --rdzv-endpoint HOST:29500 -m sbert_desktop train … (같은 옵션)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="64" />
        <source>Save launch script</source>
        <translation>실행 스크립트 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/command_dialog.py" line="65" />
        <source>Shell script (*.sh)</source>
        <translation>셸 스크립트 (*.sh)</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="37" />
        <source>Nearest neighbours of each sentence (top-k)</source>
        <translation>문장마다 가장 가까운 이웃 (top-k)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="37" />
        <source>All pairs of the sentences</source>
        <translation>문장의 모든 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="38" />
        <source>Pair data set from the Data page (with gold)</source>
        <translation>데이터 페이지의 문장 쌍 데이터 세트 (정답 포함)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="39" />
        <source>Bi-encoder vs cross-encoder</source>
        <translation>바이 인코더 대 크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="39" />
        <source>Bi-encoder vs gold</source>
        <translation>바이 인코더 대 정답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="40" />
        <source>Cross-encoder vs gold</source>
        <translation>크로스 인코더 대 정답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="41" />
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="175" />
        <source>bi-encoder cosine</source>
        <translation>바이 인코더 코사인</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="41" />
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="176" />
        <source>cross-encoder score</source>
        <translation>크로스 인코더 점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="41" />
        <source>gold</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="67" />
        <source>Pairs</source>
        <extracomment>the cross-encoder a restored workspace's pairs were scored by (its load keeps them), else None</extracomment>
        <translation>문장 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="68" />
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="211" />
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="93" />
        <source>Neighbours per sentence (paraphrase mining, computed in memory-bounded blocks)</source>
        <translation>문장당 이웃 수 (패러프레이즈 마이닝, 메모리를 제한한 블록 단위로 계산)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="98" />
        <source>all pairs</source>
        <translation>모든 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="99" />
        <source>keep </source>
        <translation>상위 </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="100" />
        <source>Keep only the best N pairs (the cross-encoder scores each one; 0 keeps all)</source>
        <translation>가장 좋은 N개 쌍만 남깁니다 (크로스 인코더가 각각 채점, 0이면 모두 유지)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="101" />
        <source>Skip repeated sentences</source>
        <translation>반복된 문장 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="102" />
        <source>Pairs among the first occurrence of each text only: a sentence and its copies (cosine 1) do not fill the table</source>
        <translation>각 문장이 처음 나온 행끼리만 쌍을 찾습니다: 문장과 그 사본(코사인 1)이 표를 채우지 않습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="105" />
        <source>Score with the cross-encoder</source>
        <translation>크로스 인코더로 채점</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="107" />
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="258" />
        <source>Find pairs</source>
        <translation>쌍 찾기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="110" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="117" />
        <source>Pairs from</source>
        <translation>쌍 출처</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="146" />
        <source>Filter: sentences containing…</source>
        <translation>필터: 다음을 포함한 문장…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="151" />
        <source>|Δ rank| ≥ </source>
        <translation>|Δ 순위| ≥ </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="152" />
        <source>Only pairs whose two rankings differ by at least this many places</source>
        <translation>두 순위가 이 자리 수 이상 차이 나는 쌍만 표시</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="201" />
        <source>Type a query and press Enter…</source>
        <translation>검색어를 입력하고 Enter를 누르세요…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="206" />
        <source>top </source>
        <translation>상위 </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="207" />
        <source>Each text once</source>
        <translation>같은 문장은 한 번만</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="209" />
        <source>A sentence that occurs on several rows is one hit, with its number of rows; untick to list every row</source>
        <translation>여러 행에 나오는 문장은 행 수와 함께 한 번만 보여 줍니다. 모든 행을 보려면 선택을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="220" />
        <source>Double-click a result (or right-click a pair) to find sentences similar to it.</source>
        <translation>결과를 두 번 클릭하면 (또는 쌍을 오른쪽 클릭하면) 비슷한 문장을 찾습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="235" />
        <source>No cross-encoder is loaded: load one on the Model page to score the pairs with it</source>
        <translation>크로스 인코더가 없습니다: 쌍을 채점하려면 모델 페이지에서 불러오세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="237" />
        <source>Load a cross-encoder on the Model page to score pairs with it</source>
        <translation>쌍을 크로스 인코더로 채점하려면 모델 페이지에서 불러오세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="263" />
        <source>Finding pairs… then scoring them with the cross-encoder</source>
        <translation>쌍을 찾는 중… 이어서 크로스 인코더로 채점합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="264" />
        <source>Finding pairs…</source>
        <translation>쌍을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="278" />
        <source>Cancelled; the previous pairs are kept.</source>
        <translation>취소됨. 이전 쌍은 그대로 둡니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="292" />
        <source>Could not find pairs: {message}</source>
        <translation>문장 쌍을 찾을 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="296" />
        <source>Could not compute the pairs</source>
        <translation>쌍을 계산할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="308" />
        <source>The sentences or the model changed: find pairs again.</source>
        <translation>문장이나 모델이 바뀌었습니다. 쌍을 다시 찾으세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="319" />
        <source>The cross-encoder changed: find pairs again to score them with it.</source>
        <translation>크로스 인코더가 바뀌었습니다. 새 모델로 채점하려면 쌍을 다시 찾으세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="338" />
        <source>, scored by the cross-encoder</source>
        <translation>, 크로스 인코더로 채점함</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="340" />
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="374" />
        <source>{n} pairs</source>
        <translation>{n}개 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="361" />
        <source>Load a cross-encoder, or open a pair data set with gold scores, to compare.</source>
        <translation>비교하려면 크로스 인코더를 불러오거나 정답 점수가 있는 문장 쌍 데이터 세트를 여세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="373" />
        <source>{shown} of {total}</source>
        <translation>{total}개 중 {shown}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="397" />
        <source>Find sentences similar to A: {text}</source>
        <translation>A와 비슷한 문장 찾기: {text}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare.py" line="398" />
        <source>Find sentences similar to B: {text}</source>
        <translation>B와 비슷한 문장 찾기: {text}</translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="22" />
        <source>find pairs first</source>
        <translation>먼저 쌍을 찾으세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="25" />
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="30" />
        <source>encode the sentences first</source>
        <translation>먼저 문장을 인코딩하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="35" />
        <source>the matrix of {n} sentences has {cells} cells (about {size} as float32, several times that as text); the limit is {limit} cells. Export the top-k similarity table instead.</source>
        <translation>문장 {n}개의 행렬은 {cells}칸입니다 (float32로 약 {size}, 텍스트로는 그 몇 배). 한도는 {limit}칸입니다. 대신 top-k 유사도 표를 내보내세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="86" />
        <source>Pair table</source>
        <translation>쌍 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="87" />
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="88" />
        <source>run a search first</source>
        <translation>먼저 검색하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="90" />
        <source>Top-k similarity table</source>
        <translation>top-k 유사도 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="91" />
        <source>Full similarity matrix</source>
        <translation>전체 유사도 행렬</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="94" />
        <source>Score scatter</source>
        <translation>점수 산점도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/compare_export.py" line="95" />
        <source>find pairs with two scores first</source>
        <translation>먼저 점수가 두 개인 쌍을 찾으세요</translation>
    </message>
</context>
<context>
    <name>CrossPreset</name>
    <message>
        <location filename="../../sbert_desktop/gui/cross_preset.py" line="19" />
        <source>Cross-encoder preset</source>
        <translation>크로스 인코더 프리셋</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/cross_preset.py" line="32" />
        <source>Train a cross-encoder from {model} that reads both sentences together, in three runs:&lt;br&gt;1. NLI: {nli} SNLI pairs, {nli_epochs} epoch, 3-way head ({nli_steps} steps);&lt;br&gt;2. silver: {silver} new pairs of STS-B training sentences scored by {model}, 1 epoch ({silver_steps} steps);&lt;br&gt;3. STS-B: {sts} pairs in both orders, {sts_epochs} epochs, learning rate {lr:g}, the best epoch on STS-B dev is kept ({sts_steps} steps).&lt;br&gt;&lt;br&gt;&lt;b&gt;Estimated time on two CPU cores: {about}&lt;/b&gt; ({nli_time} + {silver_time} + {sts_time}); faster with more cores or a GPU.</source>
        <translation>{model}에서 출발해 두 문장을 함께 읽는 크로스 인코더를 세 번 학습합니다:&lt;br&gt;1. NLI: SNLI 쌍 {nli}개, {nli_epochs} 에폭, 3분류 헤드 ({nli_steps} 스텝);&lt;br&gt;2. 실버: {model}이(가) 점수를 매긴 STS-B 학습 문장의 새 쌍 {silver}개, 1 에폭 ({silver_steps} 스텝);&lt;br&gt;3. STS-B: 양방향 순서의 쌍 {sts}개, {sts_epochs} 에폭, 학습률 {lr:g}, STS-B dev에서 가장 좋은 에폭을 남김 ({sts_steps} 스텝).&lt;br&gt;&lt;br&gt;&lt;b&gt;CPU 코어 두 개에서 예상 시간: {about}&lt;/b&gt; ({nli_time} + {silver_time} + {sts_time}). 코어가 더 많거나 GPU가 있으면 더 빠릅니다.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="27" />
        <source>Detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="27" />
        <location filename="../../sbert_desktop/gui/pages/data.py" line="208" />
        <source>Sentences</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="28" />
        <source>Sentence pairs</source>
        <translation>문장 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="93" />
        <source>commas</source>
        <translation>쉼표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="93" />
        <source>semicolons</source>
        <translation>세미콜론</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="94" />
        <source>vertical bars</source>
        <translation>세로 막대(|)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="94" />
        <source>tabs</source>
        <translation>탭</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="95" />
        <source>{format}, fields separated by {separator}</source>
        <translation>{format}, 필드 구분자: {separator}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="98" />
        <source>{format}, sheet “{sheet}”</source>
        <translation>{format}, 시트 “{sheet}”</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="171" />
        <source>Open a sentence file (txt, csv, tsv, jsonl, parquet, xlsx) or a pair data set…</source>
        <translation>문장 파일(txt, csv, tsv, jsonl, parquet, xlsx)이나 문장 쌍 데이터 세트를 여세요…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="184" />
        <source>Sheet</source>
        <translation>시트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="193" />
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="195" />
        <source>Read as</source>
        <translation>읽기 방식</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="199" />
        <source>Text column</source>
        <translation>텍스트 열</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="205" />
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="207" />
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="207" />
        <source>Encoding</source>
        <translation>인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="208" />
        <source>Rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="209" />
        <source>Blank rows</source>
        <translation>빈 행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="209" />
        <source>Duplicates</source>
        <translation>중복</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="210" />
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="210" />
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="211" />
        <source>Scores</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="211" />
        <source>Notes</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="219" />
        <location filename="../../sbert_desktop/gui/pages/data.py" line="427" />
        <source>Encode with active model</source>
        <translation>활성 모델로 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="220" />
        <source>Compute embeddings of these sentences with the active bi-encoder (in the background)</source>
        <translation>활성 바이 인코더로 이 문장들의 임베딩을 계산합니다(백그라운드에서)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="292" />
        <source>Open {name}</source>
        <translation>{name} 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="314" />
        <source>{format} · {encoding} · {rows} rows</source>
        <translation>{format} · {encoding} · {rows}행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="314" />
        <source>{format} · {rows} rows</source>
        <translation>{format} · {rows}행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="353" />
        <source>{n} embeddings of dimension {dim}</source>
        <translation>{dim}차원 임베딩 {n}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="398" />
        <source>Still open: {name} (the other pages keep using it)</source>
        <translation>계속 열려 있음: {name} (다른 페이지는 이 파일을 계속 씁니다)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="403" />
        <source>Could not open the file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="425" />
        <source>Encode {name} with active model</source>
        <translation>{name}을(를) 활성 모델로 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="451" />
        <source>Encode {n} sentences</source>
        <translation>문장 {n}개 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="456" />
        <source>Encoding… {done} / {total}</source>
        <translation>인코딩 중… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="458" />
        <source>Encoding cancelled</source>
        <translation>인코딩을 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/data.py" line="459" />
        <source>Encoding failed: {message}</source>
        <translation>인코딩 실패: {message}</translation>
    </message>
</context>
<context>
    <name>DistillForm</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="27" />
        <source>Distillation</source>
        <translation>증류</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="31" />
        <source>the start model itself (or a folder / hub id)</source>
        <translation>시작 모델 자신 (또는 폴더 / 허브 ID)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="32" />
        <source>The teacher embeds the source sentences; the student learns to put the source and its translation there. Empty: the model training starts from</source>
        <translation>교사 모델이 원문 문장을 임베딩하고, 학생 모델은 원문과 번역문을 그 자리에 놓도록 배웁니다. 비워 두면 학습을 시작하는 모델이 교사입니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="41" />
        <source>Columns of the parallel file (the training file): the source sentence and its translation</source>
        <translation>병렬 파일(학습 파일)의 열: 원문 문장과 그 번역문</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="43" />
        <source>STS dev set to watch, e.g. KorSTS dev (optional)</source>
        <translation>지켜볼 STS dev 세트, 예: KorSTS dev (선택)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="45" />
        <source>Teacher</source>
        <translation>교사 모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="46" />
        <source>Source column</source>
        <translation>원문 열</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="47" />
        <source>Translation column</source>
        <translation>번역문 열</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="48" />
        <source>STS dev</source>
        <translation>STS dev</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="63" />
        <source>STS dev file not found: {path}</source>
        <translation>STS dev 파일이 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/distill_form.py" line="66" />
        <source>The source and the translation column are the same ({column}).</source>
        <translation>원문 열과 번역문 열이 같습니다 ({column}).</translation>
    </message>
</context>
<context>
    <name>EmbeddingScatter</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="79" />
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="230" />
        <source>No points</source>
        <translation>점 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="233" />
        <source>{n} points</source>
        <translation>점 {n}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="235" />
        <source>{n} points as a density image; zoom in for single points</source>
        <translation>점 {n}개를 밀도 이미지로 표시. 확대하면 점 하나하나가 보입니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="238" />
        <source>{k} of {n} points in view; zoom out for the density of all</source>
        <translation>점 {n}개 중 {k}개가 보임. 축소하면 전체 밀도가 보입니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="241" />
        <source>{n} selected</source>
        <translation>{n}개 선택</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="243" />
        <source>matching</source>
        <translation>개 일치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embedding_scatter.py" line="246" />
        <source>{n} far-away points outside the view (Zoom to all shows them)</source>
        <translation>멀리 떨어진 점 {n}개는 화면 밖에 있음 (전체 보기로 표시)</translation>
    </message>
</context>
<context>
    <name>EmbeddingsBar</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="43" />
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="105" />
        <source>Encode sentences</source>
        <translation>문장 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="44" />
        <source>Embed the open sentences with the active bi-encoder (in the background)</source>
        <translation>열린 문장을 활성 바이 인코더로 임베딩합니다 (백그라운드에서)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="46" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="82" />
        <source>{n} sentences from {file} encoded ({dim}-d)</source>
        <translation>{file}의 문장 {n}개 인코딩됨 ({dim}차원)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="84" />
        <source>{n} sentences encoded ({dim}-d)</source>
        <translation>문장 {n}개 인코딩됨 ({dim}차원)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="88" />
        <source>No sentences yet: open a sentence file on the Data page, then encode it.</source>
        <translation>아직 문장이 없습니다: 데이터 페이지에서 문장 파일을 연 다음 인코딩하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="90" />
        <source>{n} sentences open; load a bi-encoder on the Model page to encode them.</source>
        <translation>문장 {n}개가 열려 있습니다. 인코딩하려면 모델 페이지에서 바이 인코더를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="93" />
        <source>{n} sentences open, not encoded yet.</source>
        <translation>문장 {n}개가 열려 있고, 아직 인코딩하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="104" />
        <source>Encode again</source>
        <translation>다시 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="121" />
        <source> · encoded with {name} ({made}), loaded now with {now}: encode again to use it</source>
        <translation> · {name}({made})로 인코딩됨, 지금은 {now}(으)로 불러옴: 이 설정을 쓰려면 다시 인코딩하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="123" />
        <source> · encoded with {name}, not the loaded bi-encoder: encode again to use it</source>
        <translation> · 불러온 바이 인코더가 아닌 {name}(으)로 인코딩됨: 이 모델을 쓰려면 다시 인코딩하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="138" />
        <source>Encode {n} sentences</source>
        <translation>문장 {n}개 인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="142" />
        <source>Encoding {n} sentences…</source>
        <translation>문장 {n}개 인코딩 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="148" />
        <source>Encoding failed: {message}</source>
        <translation>인코딩 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/embeddings_bar.py" line="149" />
        <source>Encoding cancelled; nothing was changed.</source>
        <translation>인코딩을 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../sbert_desktop/gui/errors.py" line="57" />
        <source>

The details are also in the log file:
{path}</source>
        <translation>

자세한 내용은 로그 파일에도 있습니다:
{path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/errors.py" line="87" />
        <source>{job} failed</source>
        <translation>{job} 실패</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/errors.py" line="103" />
        <source>Unexpected error</source>
        <translation>예상하지 못한 오류</translation>
    </message>
</context>
<context>
    <name>Evaluate</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="32" />
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="330" />
        <source>Pooling table</source>
        <translation>풀링 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="32" />
        <source>Bi vs cross (accuracy, speed, cost)</source>
        <translation>바이 대 크로스 (정확도, 속도, 비용)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="33" />
        <source>Retrieve then rerank</source>
        <translation>검색 후 재순위화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="90" />
        <source>A labelled pair set: STS (scores) or NLI (labels), any format the Data page reads</source>
        <translation>레이블이 있는 문장 쌍: STS(점수) 또는 NLI(레이블), 데이터 페이지가 읽는 어떤 형식이든</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="104" />
        <source>Candidates the cross-encoder reranks, comma-separated</source>
        <translation>크로스 인코더가 재순위화할 후보 수 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="105" />
        <source>rerank k</source>
        <translation>재순위화 k</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="108" />
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="111" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="122" />
        <source>Draw an earlier run beside this one (before/after fine-tuning)</source>
        <translation>이전 실행을 이번 실행 옆에 그립니다 (미세 조정 전/후)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="130" />
        <source>Compare with</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="134" />
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="135" />
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="136" />
        <source>Tables</source>
        <translation>표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="150" />
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="153" />
        <source>Accuracy and measured speed on this data set</source>
        <translation>이 데이터 세트에서의 정확도와 측정한 속도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="154" />
        <source>Comparing all pairs of n sentences</source>
        <translation>문장 n개의 모든 쌍 비교</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="156" />
        <source>Bi vs cross</source>
        <translation>바이 대 크로스</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="163" />
        <source>Retrieval</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="164" />
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="193" />
        <source>Load or switch models on the Model page.</source>
        <translation>모델 페이지에서 모델을 불러오거나 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="200" />
        <source>Choose a labelled pair file first.</source>
        <translation>먼저 레이블이 있는 문장 쌍 파일을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="201" />
        <source>Not found: {path}</source>
        <translation>찾을 수 없음: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="206" />
        <source>Load a bi-encoder on the Model page first.</source>
        <translation>먼저 모델 페이지에서 바이 인코더를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="212" />
        <source>rerank k: {value} is not a list of numbers</source>
        <translation>재순위화 k: {value}은(는) 숫자 목록이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="216" />
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="220" />
        <source>Evaluating…</source>
        <translation>평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="228" />
        <source>Cancelled; earlier runs are kept.</source>
        <translation>취소됨. 이전 실행은 그대로 둡니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="229" />
        <source>Result dropped: {why}.</source>
        <translation>결과를 버렸습니다: {why}.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="245" />
        <source>Evaluation failed: {message}</source>
        <translation>평가 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="249" />
        <source>Could not evaluate</source>
        <translation>평가할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="262" />
        <source>run {n}: {models} on {data}</source>
        <translation>실행 {n}: {models}, {data}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="267" />
        <source>(nothing)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="272" />
        <source>{name}: {pairs} pairs in {seconds} s</source>
        <translation>{name}: 문장 쌍 {pairs}개, {seconds}초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="274" />
        <source>. Note: {notes}</source>
        <translation>. 참고: {notes}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="305" />
        <source>{queries} queries against {corpus} sentences; relevant: {relevance}. Time: {timing} ({timing_queries} queries).</source>
        <translation>검색어 {queries}개 대 문장 {corpus}개. 정답 기준: {relevance}. 시간: {timing} (검색어 {timing_queries}개).</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="328" />
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="340" />
        <source>run it first</source>
        <translation>먼저 실행하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="331" />
        <source>Bi vs cross table</source>
        <translation>바이 대 크로스 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="332" />
        <source>All-pairs cost table</source>
        <translation>모든 쌍 비용 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="333" />
        <source>Retrieval table</source>
        <translation>검색 표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="335" />
        <source>Pooling chart</source>
        <translation>풀링 차트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate.py" line="336" />
        <source>Accuracy against time</source>
        <translation>시간 대비 정확도</translation>
    </message>
</context>
<context>
    <name>EvaluateText</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="12" />
        <source>pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="12" />
        <source>encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="13" />
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="13" />
        <source>sentences/s</source>
        <translation>문장/초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="14" />
        <source>pairs/s</source>
        <translation>쌍/초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="14" />
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="15" />
        <source>n sentences</source>
        <translation>문장 수 n</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="15" />
        <source>pairs</source>
        <translation>쌍 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="16" />
        <source>bi-encoder</source>
        <translation>바이 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="16" />
        <source>cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="17" />
        <source>bi seconds</source>
        <translation>바이 초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="17" />
        <source>cross seconds</source>
        <translation>크로스 초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="18" />
        <source>method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="18" />
        <source>ms/query</source>
        <translation>ms/검색어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="19" />
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="19" />
        <source>own pooling</source>
        <translation>자체 풀링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="20" />
        <source>bi x 100</source>
        <translation>바이 x 100</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="20" />
        <source>cross x 100</source>
        <translation>크로스 x 100</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="21" />
        <source>bi MRR@10</source>
        <translation>바이 MRR@10</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="21" />
        <source>best rerank MRR@10</source>
        <translation>최고 재순위화 MRR@10</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="22" />
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="22" />
        <source>macro_f1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="23" />
        <source>time per query (ms)</source>
        <translation>검색어당 시간 (ms)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="23" />
        <source>last token</source>
        <translation>마지막 토큰</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="24" />
        <source>weighted</source>
        <translation>가중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/evaluate_text.py" line="37" />
        <source>rerank k={k}</source>
        <translation>재순위화 k={k}</translation>
    </message>
</context>
<context>
    <name>ExplorationState</name>
    <message>
        <location filename="../../sbert_desktop/gui/exploration_state.py" line="47" />
        <source>(no keywords)</source>
        <translation>(키워드 없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/exploration_state.py" line="48" />
        <source>noise: {words}</source>
        <translation>노이즈: {words}</translation>
    </message>
</context>
<context>
    <name>ExploreText</name>
    <message>
        <location filename="../../sbert_desktop/gui/explore_text.py" line="12" />
        <source>{hits} from cache, {encoded} encoded</source>
        <translation>캐시에서 {hits}개, 새로 인코딩 {encoded}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/explore_text.py" line="23" />
        <source>Pearson r = {r}   Spearman ρ = {rho}   ({n} pairs)</source>
        <translation>Pearson r = {r}   Spearman ρ = {rho}   (쌍 {n}개)</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="25" />
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel용 CSV, BOM 포함 UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="27" />
        <source>NumPy array (*.npy)</source>
        <translation>NumPy 배열 (*.npy)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="54" />
        <source>Export</source>
        <extracomment>writer(path, encoding, progress, cancel) -&gt; Path; it runs on a worker thread</extracomment>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="68" />
        <source>{what} as PNG…</source>
        <translation>{what} PNG로…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="69" />
        <source>{what} as SVG…</source>
        <translation>{what} SVG로…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="90" />
        <source>Cannot export {what}: {reason}</source>
        <translation>{what}을(를) 내보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="100" />
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="100" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="102" />
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="122" />
        <source>Export {what}</source>
        <translation>{what} 내보내기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="124" />
        <source>Writing {name}…</source>
        <translation>{name} 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="126" />
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="147" />
        <source>Export failed: {message}</source>
        <translation>내보내기 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/export_menu.py" line="127" />
        <source>Export cancelled</source>
        <translation>내보내기를 취소했습니다</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/file_field.py" line="12" />
        <source>Data files (*.txt *.csv *.tsv *.jsonl *.json *.parquet *.xlsx *.gz);;All files (*)</source>
        <translation>데이터 파일 (*.txt *.csv *.tsv *.jsonl *.json *.parquet *.xlsx *.gz);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/file_field.py" line="20" />
        <source>Choose a file…</source>
        <translation>파일을 고르세요…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/file_field.py" line="26" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/file_field.py" line="78" />
        <source>Open data file</source>
        <translation>데이터 파일 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/file_field.py" line="88" />
        <source>Could not read the file: {detail}</source>
        <translation>파일을 읽을 수 없습니다: {detail}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="80" />
        <source>{file}, line {line}</source>
        <translation>{file}, {line}행</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="81" />
        <source>line {line}</source>
        <translation>{line}행</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="134" />
        <source>the Data page is missing</source>
        <translation>데이터 페이지가 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="135" />
        <source>opening {name}</source>
        <translation>{name} 여는 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="146" />
        <source>waiting for the model</source>
        <translation>모델을 기다리는 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="152" />
        <source>load a bi-encoder on the Model page first</source>
        <translation>먼저 모델 페이지에서 바이 인코더를 불러오세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="161" />
        <source>no bi-encoder is loaded</source>
        <translation>불러온 바이 인코더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="175" />
        <location filename="../../sbert_desktop/gui/first_run.py" line="185" />
        <source>another file was opened</source>
        <translation>다른 파일이 열렸습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="176" />
        <source>encoding {n} sentences</source>
        <translation>문장 {n}개 인코딩 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="179" />
        <source>nothing to encode</source>
        <translation>인코딩할 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="180" />
        <source>Example: encoding failed</source>
        <translation>예제: 인코딩 실패</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="188" />
        <source>clustering</source>
        <translation>클러스터링 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="191" />
        <source>nothing to cluster</source>
        <translation>클러스터링할 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="198" />
        <source>drawing the map</source>
        <translation>지도를 그리는 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="203" />
        <source>Example: the map could not be drawn</source>
        <translation>예제: 지도를 그릴 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="230" />
        <source>Example, step {n} of {total}: </source>
        <translation>예제, {total}단계 중 {n}단계: </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="231" />
        <source>Example: </source>
        <translation>예제: </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="259" />
        <source>Could not open the example</source>
        <translation>예제를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="271" />
        <source>Example ready: {n} sentences in {k} clusters. The Train page has its STS pairs: press Start.</source>
        <translation>예제 준비 완료: 문장 {n}개, 클러스터 {k}개. 학습 페이지에 STS 쌍이 준비되어 있으니 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="273" />
        <source>Example ready: {n} sentences. The Train page has its STS pairs: press Start.</source>
        <translation>예제 준비 완료: 문장 {n}개. 학습 페이지에 STS 쌍이 준비되어 있으니 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="276" />
        <source>Example stopped: {reason}. Help → Open example starts it again.</source>
        <translation>예제를 멈췄습니다: {reason}. 도움말 → 예제 열기로 다시 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="277" />
        <source>Example stopped. Help → Open example starts it again.</source>
        <translation>예제를 멈췄습니다. 도움말 → 예제 열기로 다시 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="280" />
        <source>Example failed: {reason}</source>
        <translation>예제 실패: {reason}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/first_run.py" line="281" />
        <source>Example failed</source>
        <translation>예제 실패</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="20" />
        <source>Open sentences or pairs and see what is in them.</source>
        <extracomment>(page title, one line on it), in workflow order; the lines are translated when shown ("Guide")</extracomment>
        <translation>문장이나 문장 쌍 파일을 열고 내용을 살펴봅니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="21" />
        <source>Pick the model and pooling; the bundled one is loaded.</source>
        <translation>모델과 풀링을 고릅니다. 내장 모델이 불러와져 있습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="22" />
        <source>Fine-tune on pairs; the example's are set: press Start.</source>
        <translation>문장 쌍으로 미세 조정합니다. 예제 쌍이 준비되어 있으니 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="23" />
        <source>Mine paraphrases and check scores against gold.</source>
        <translation>비슷한 문장 쌍을 찾고 점수를 정답과 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="24" />
        <source>Topics found by HDBSCAN, named by keywords.</source>
        <translation>HDBSCAN이 찾은 주제를 키워드로 이름 붙입니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="25" />
        <source>Sentences in 2-D: hover, click, lasso, search.</source>
        <translation>2차원 문장 지도: 마우스 올리기, 클릭, 올가미 선택, 검색.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="81" />
        <source>Show the %1 page</source>
        <translation>%1 페이지 보기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="99" />
        <source>Hide the guide (Help → Show guide brings it back)</source>
        <translation>안내 숨기기 (도움말 → 안내 보기로 다시 표시)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/guide.py" line="115" />
        <source>Guide</source>
        <translation>안내</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="82" />
        <source>data</source>
        <extracomment>kinds where a new task replaces (cancels) the running one; others (train, save, export, model loads, cache) may run side by side. ``"search:&lt;panel&gt;"`` is its own kind per panel. the inputs a task reads, as the window names them (AppState.inputs)</extracomment>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="82" />
        <source>embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="83" />
        <source>bi-encoder</source>
        <translation>바이 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="83" />
        <source>cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="88" />
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="89" />
        <source>the {inputs} changed while it ran</source>
        <translation>실행하는 동안 {inputs}이(가) 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="251" />
        <source>{job}: result dropped — {why}</source>
        <extracomment>the current value of an input key (AppState sets it to its versions); None: no checks</extracomment>
        <translation>{job}: 결과를 버림 — {why}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs.py" line="290" />
        <source>{job} stopped: {why}</source>
        <translation>{job} 멈춤: {why}</translation>
    </message>
</context>
<context>
    <name>JobsMenu</name>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="25" />
        <source>stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="33" />
        <source>&amp;Jobs</source>
        <translation>작업(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="46" />
        <source>No jobs running</source>
        <translation>실행 중인 작업 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="48" />
        <source>Cancel {job}</source>
        <translation>{job} 취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="50" />
        <source>Stop “{job}” (a checkpoint is kept)</source>
        <translation>“{job}” 멈추기 (체크포인트 유지)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="50" />
        <source>Stop “{job}”</source>
        <translation>“{job}” 멈추기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="53" />
        <source>Cancel all jobs</source>
        <translation>모든 작업 취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="67" />
        <source>Running jobs, each with its own Cancel</source>
        <translation>실행 중인 작업 (각각 취소 가능)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="73" />
        <source>Jobs ({n})</source>
        <translation>작업 ({n})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/jobs_menu.py" line="73" />
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
</context>
<context>
    <name>KoreanPreset</name>
    <message>
        <location filename="../../sbert_desktop/gui/korean_preset.py" line="22" />
        <source>Korean preset</source>
        <translation>한국어 프리셋</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/korean_preset.py" line="35" />
        <source>Make {model} Korean-capable in three steps:&lt;br&gt;1. add Korean word pieces learnt from the training sentences to its vocabulary (Korean text then takes about a third of the tokens);&lt;br&gt;2. distillation on {pairs} English–Korean sentence pairs ({distill_steps} steps), the original model as teacher;&lt;br&gt;3. KorSTS fine-tuning on {korsts} pairs ({korsts_steps} steps).&lt;br&gt;&lt;br&gt;&lt;b&gt;Estimated time on two CPU cores: {total}&lt;/b&gt; ({distill_time} + {korsts_time}); faster with more cores or a GPU.</source>
        <translation>{model}이(가) 한국어를 이해하도록 세 단계로 학습합니다:&lt;br&gt;1. 학습 문장에서 익힌 한국어 단어 조각을 어휘에 추가합니다 (한국어 문장의 토큰 수가 약 3분의 1로 줄어듭니다);&lt;br&gt;2. 영어–한국어 문장 쌍 {pairs}개로 증류 ({distill_steps} 스텝), 원래 모델이 교사;&lt;br&gt;3. KorSTS 문장 쌍 {korsts}개로 미세 조정 ({korsts_steps} 스텝).&lt;br&gt;&lt;br&gt;&lt;b&gt;CPU 코어 두 개에서 예상 시간: {total}&lt;/b&gt; ({distill_time} + {korsts_time}). 코어가 더 많거나 GPU가 있으면 더 빠릅니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="125" />
        <location filename="../../sbert_desktop/gui/main_window.py" line="183" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="126" />
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="128" />
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="130" />
        <source>&amp;Save Model As…</source>
        <translation>모델 다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="133" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="136" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="141" />
        <location filename="../../sbert_desktop/gui/main_window.py" line="195" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="142" />
        <source>Open &amp;example</source>
        <translation>예제 열기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="143" />
        <source>Open the bundled example: sentences on the map, STS pairs ready to train</source>
        <translation>내장 예제 열기: 지도 위의 문장들과 바로 학습할 수 있는 STS 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="144" />
        <source>Show &amp;guide</source>
        <translation>안내 보기(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="146" />
        <source>&amp;About SBERT Desktop</source>
        <translation>SBERT Desktop 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="148" />
        <source>Open &amp;log folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="156" />
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="159" />
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="164" />
        <source>Open data file</source>
        <translation>데이터 파일 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="192" />
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="193" />
        <source>&amp;Embedding cache…</source>
        <translation>임베딩 캐시(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="194" />
        <source>See and limit the embeddings kept on disk, or clear them</source>
        <translation>디스크에 저장된 임베딩을 확인하고 제한하거나 지웁니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="217" />
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="217" />
        <source>Load or train a model first.</source>
        <translation>먼저 모델을 불러오거나 학습하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="219" />
        <source>Save the active model into a folder</source>
        <translation>활성 모델을 폴더에 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="225" />
        <source>Save model to {name}</source>
        <translation>{name}에 모델 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="226" />
        <source>Model saved to {path}</source>
        <translation>모델을 저장했습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="235" />
        <source>not installed</source>
        <translation>설치 안 됨</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="245" />
        <source>About SBERT Desktop</source>
        <translation>SBERT Desktop 정보</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="246" />
        <source>&lt;b&gt;SBERT Desktop&lt;/b&gt;&lt;br&gt;Fine-tune and explore Sentence-BERT models.</source>
        <translation>&lt;b&gt;SBERT Desktop&lt;/b&gt;&lt;br&gt;Sentence-BERT 모델을 미세 조정하고 탐색합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="282" />
        <source>Model: {summary}</source>
        <translation>모델: {summary}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="285" />
        <source>The active model is named first; Compare and Map use both (bi-encoder to retrieve, cross-encoder to rerank).</source>
        <translation>활성 모델이 먼저 표시됩니다. 비교와 지도 페이지는 둘 다 씁니다 (바이 인코더로 검색, 크로스 인코더로 재순위화).</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="296" />
        <source>No jobs running</source>
        <translation>실행 중인 작업 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="300" />
        <source>Running: {names}</source>
        <translation>실행 중: {names}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="344" />
        <source>Stop training?</source>
        <translation>학습을 멈출까요?</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="345" />
        <source>Training is running:
{names}

Stop it and close? A checkpoint is kept, so you can resume it later.</source>
        <translation>학습이 진행 중입니다:
{names}

멈추고 닫을까요? 체크포인트가 남으므로 나중에 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="369" />
        <source>Stopping running jobs before closing…</source>
        <translation>닫기 전에 실행 중인 작업을 멈추는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="132" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="149" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="150" />
        <source>Restart SBERT Desktop to switch the language.</source>
        <translation>언어를 바꾸려면 SBERT Desktop을 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="37" />
        <source>Words</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="38" />
        <source>Sentences containing these whole words ("rain" does not find "training")</source>
        <translation>이 단어가 온전히 들어 있는 문장 ("rain"으로 "training"은 찾지 않음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="39" />
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="40" />
        <source>Sentences containing this text anywhere, inside words too</source>
        <translation>이 텍스트가 어디에든 (단어 안에도) 들어 있는 문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="41" />
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="42" />
        <source>The sentences nearest in meaning: the query is embedded with the bi-encoder</source>
        <translation>의미가 가장 가까운 문장: 검색어를 바이 인코더로 임베딩합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="86" />
        <source>Project</source>
        <translation>투영</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="89" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="95" />
        <location filename="../../sbert_desktop/gui/pages/map.py" line="320" />
        <source>No map yet.</source>
        <translation>아직 지도가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="98" />
        <source>Projection</source>
        <translation>투영</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="100" />
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="101" />
        <source>Metric</source>
        <translation>거리 척도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="102" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="103" />
        <source>Perplexity</source>
        <translation>퍼플렉서티</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="104" />
        <source>Neighbours</source>
        <translation>이웃 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="105" />
        <source>Min distance</source>
        <translation>최소 거리</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="115" />
        <source>Pan</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="115" />
        <source>Drag to pan, wheel to zoom</source>
        <translation>끌어서 이동, 휠로 확대·축소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="116" />
        <source>Rectangle</source>
        <translation>사각형</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="116" />
        <source>Drag a rectangle to select points</source>
        <translation>사각형을 끌어 점을 선택합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="117" />
        <source>Lasso</source>
        <translation>올가미</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="117" />
        <source>Draw around points to select them</source>
        <translation>점 주위를 그려서 선택합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="127" />
        <source>Zoom to all</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="129" />
        <source>The map opens on the bulk of the points; this shows every point</source>
        <translation>지도는 점이 몰린 곳을 먼저 보여 줍니다. 이 버튼은 모든 점을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="132" />
        <source>Clear selection</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="135" />
        <source>Highlight sentences…</source>
        <translation>문장 강조…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="152" />
        <source>Select and search</source>
        <translation>선택과 검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="162" />
        <source>Colour the points by their cluster, or by a label column of the file (e.g. topic)</source>
        <translation>점을 클러스터 또는 파일의 레이블 열(예: topic)에 따라 색칠합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="163" />
        <location filename="../../sbert_desktop/gui/pages/map.py" line="339" />
        <source>Clusters</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="166" />
        <source>Colours</source>
        <translation>색상</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="183" />
        <source>Drag a rectangle (or lasso) on the map to list its sentences.</source>
        <translation>지도에서 사각형(또는 올가미)을 끌면 그 안의 문장이 나열됩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="198" />
        <source>Hover over a point to read its sentence; click it for its nearest neighbours.</source>
        <translation>점 위에 마우스를 올리면 문장을 볼 수 있고, 클릭하면 가장 가까운 이웃을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="202" />
        <source>Sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="242" />
        <source>Showing {shown}; press Project for {method}.</source>
        <translation>{shown} 결과를 표시 중입니다. {method}(으)로 보려면 투영을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="270" />
        <source>Project ({method})</source>
        <translation>투영 ({method})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="273" />
        <source>Projecting {n} sentences with {method}…</source>
        <translation>문장 {n}개를 {method}(으)로 투영하는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="278" />
        <source>Projection failed: {message}</source>
        <translation>투영 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="295" />
        <source>Projection cancelled.</source>
        <translation>투영을 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="321" />
        <source>Encode the sentences to draw the map.</source>
        <translation>지도를 그리려면 문장을 인코딩하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="325" />
        <source>perplexity {value}</source>
        <translation>퍼플렉서티 {value}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="326" />
        <source>{n} neighbours, min dist {dist}</source>
        <translation>이웃 {n}개, 최소 거리 {dist}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="328" />
        <source>seed {seed}</source>
        <translation>시드 {seed}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="330" />
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="341" />
        <source>Label column: {name}</source>
        <translation>레이블 열: {name}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="382" />
        <source>Cluster on the Clusters page to colour the map.</source>
        <translation>지도를 색칠하려면 클러스터 페이지에서 클러스터링하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="438" />
        <source>Load a bi-encoder on the Model page to search by meaning.</source>
        <translation>의미로 검색하려면 모델 페이지에서 바이 인코더를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="442" />
        <source>Search the map by meaning</source>
        <translation>의미로 지도 검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="445" />
        <source>Search by meaning failed: {message}</source>
        <translation>의미로 검색하지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="446" />
        <source>nearest in meaning to “{query}”</source>
        <translation>“{query}”와(과) 의미가 가장 가까움</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="462" />
        <source> · cluster: {name}</source>
        <translation> · 클러스터: {name}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="485" />
        <source>Nothing selected.</source>
        <translation>선택한 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="490" />
        <source>cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="491" />
        <source>sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map.py" line="493" />
        <source>{n} selected sentences</source>
        <translation>선택한 문장 {n}개</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map_export.py" line="44" />
        <source>project the map first</source>
        <translation>먼저 지도를 투영하세요</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map_export.py" line="67" />
        <source>2-D coordinates</source>
        <translation>2차원 좌표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map_export.py" line="68" />
        <source>Selected sentences</source>
        <translation>선택한 문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/map_export.py" line="71" />
        <source>Map</source>
        <translation>지도</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="22" />
        <source>Mean of tokens</source>
        <translation>토큰 평균</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="22" />
        <source>CLS token</source>
        <translation>CLS 토큰</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="23" />
        <source>Max over tokens</source>
        <translation>토큰 최댓값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="24" />
        <source>Mean × √length</source>
        <translation>평균 × √길이</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="25" />
        <source>Position-weighted mean</source>
        <translation>위치 가중 평균</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="26" />
        <source>Last token</source>
        <translation>마지막 토큰</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="28" />
        <location filename="../../sbert_desktop/gui/pages/model.py" line="125" />
        <source>Model's own</source>
        <extracomment>(label, value): the model's own, then core's modes (core.models.modes: no torch at start-up)</extracomment>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="31" />
        <source>fp32 (torch, exact)</source>
        <extracomment>(label, (precision, backend)) of the model's inference (core/models/runtime.py); int8 is last</extracomment>
        <translation>fp32 (torch, 정확)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="33" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="33" />
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="34" />
        <source>Parameters</source>
        <translation>매개변수 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="34" />
        <source>Layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="35" />
        <source>Dimension</source>
        <translation>차원</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="35" />
        <source>Vocabulary</source>
        <translation>어휘 크기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="36" />
        <location filename="../../sbert_desktop/gui/pages/model.py" line="165" />
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="36" />
        <source>Normalized</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="37" />
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="37" />
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="38" />
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="38" />
        <source>Note</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="39" />
        <source>Max length</source>
        <translation>최대 길이</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="39" />
        <location filename="../../sbert_desktop/gui/pages/model.py" line="170" />
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="40" />
        <location filename="../../sbert_desktop/gui/pages/model.py" line="163" />
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="96" />
        <source>Bi-encoder (sentence embeddings)</source>
        <translation>바이 인코더 (문장 임베딩)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="97" />
        <source>Cross-encoder (scores a pair)</source>
        <translation>크로스 인코더 (문장 쌍 점수)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="108" />
        <source>a folder, or a hub id such as sentence-transformers/all-mpnet-base-v2</source>
        <translation>폴더 또는 허브 ID (예: sentence-transformers/all-mpnet-base-v2)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="110" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="119" />
        <source>How token vectors become one sentence vector (the SBERT paper: mean is best)</source>
        <translation>토큰 벡터를 하나의 문장 벡터로 합치는 방법 (SBERT 논문: 평균이 가장 좋음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="122" />
        <source>model's own</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="123" />
        <source>Longer inputs are truncated to this many tokens</source>
        <translation>이보다 긴 입력은 이 토큰 수에서 잘립니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="125" />
        <source>On (unit length)</source>
        <translation>켜기 (단위 길이)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="126" />
        <source>Off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="132" />
        <source>How the model runs: exact fp32 on torch, or through ONNX Runtime (int8: faster and smaller, measured against fp32 below)</source>
        <translation>모델 실행 방식: torch의 정확한 fp32 또는 ONNX Runtime (int8: 더 빠르고 작음, 아래에서 fp32와 비교해 측정)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="142" />
        <source>Load model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="156" />
        <source>Choose a model</source>
        <translation>모델 선택</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="162" />
        <source>Encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="164" />
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="166" />
        <source>Max sequence length</source>
        <translation>최대 시퀀스 길이</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="167" />
        <source>Normalize embeddings</source>
        <translation>임베딩 정규화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="168" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="178" />
        <source>Loaded model</source>
        <translation>불러온 모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="223" />
        <source>Bundled default — all-MiniLM-L6-v2</source>
        <translation>내장 기본 모델 — all-MiniLM-L6-v2</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="224" />
        <source>Local folder…</source>
        <translation>로컬 폴더…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="225" />
        <source>Hugging Face hub id…</source>
        <translation>Hugging Face 허브 ID…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="230" />
        <source>Recent: {model}</source>
        <translation>최근: {model}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="243" />
        <source>Choose a model folder</source>
        <translation>모델 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="298" />
        <source>bundled model</source>
        <translation>내장 모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="300" />
        <source>Load {model}</source>
        <translation>{model} 불러오기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="324" />
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="324" />
        <source>cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="325" />
        <source>bi-encoder</source>
        <translation>바이 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="326" />
        <source>Load the last {models}</source>
        <translation>마지막 {models} 불러오기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="352" />
        <source>Could not load the last cross-encoder ({source}): {message}</source>
        <translation>마지막 크로스 인코더({source})를 불러올 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="353" />
        <source>Could not load the last bi-encoder ({source}): {message}</source>
        <translation>마지막 바이 인코더({source})를 불러올 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="367" />
        <source>Could not load the model: {message}</source>
        <translation>모델을 불러올 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="372" />
        <source>Could not load the model</source>
        <translation>모델을 불러올 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="390" />
        <source>&lt;b&gt;{model}&lt;/b&gt; (active)</source>
        <translation>&lt;b&gt;{model}&lt;/b&gt; (활성)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/model.py" line="395" />
        <source>Not evaluated here (no dev figure).</source>
        <translation>여기서 평가하지 않았습니다 (dev 수치 없음).</translation>
    </message>
</context>
<context>
    <name>ModelNotice</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="23" />
        <source>Load a bi-encoder…</source>
        <translation>바이 인코더 불러오기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="26" />
        <source>Load a cross-encoder…</source>
        <translation>크로스 인코더 불러오기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="43" />
        <source>No bi-encoder loaded: nothing can be encoded or searched.</source>
        <translation>바이 인코더를 불러오지 않았습니다: 인코딩도 검색도 할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="44" />
        <source>No cross-encoder loaded: pairs and search results are not reranked.</source>
        <translation>크로스 인코더를 불러오지 않았습니다: 쌍과 검색 결과를 재순위화하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="50" />
        <source>Bi-encoder: {cue}</source>
        <translation>바이 인코더: {cue}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/model_notice.py" line="51" />
        <source>Cross-encoder: {cue}</source>
        <translation>크로스 인코더: {cue}</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="32" />
        <source>Data</source>
        <extracomment>page titles are keys in the code; only their display goes through this context</extracomment>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="32" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="32" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="33" />
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="33" />
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="34" />
        <source>Clusters</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="34" />
        <source>Map</source>
        <translation>지도</translation>
    </message>
</context>
<context>
    <name>PairTable</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Sentence A</source>
        <translation>문장 A</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Sentence B</source>
        <translation>문장 B</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Bi cosine</source>
        <translation>바이 코사인</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Cross score</source>
        <translation>크로스 점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Gold</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="23" />
        <source>Δ rank</source>
        <translation>Δ 순위</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="28" />
        <source>cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="28" />
        <source>gold</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="29" />
        <source>reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="30" />
        <source>cross-encoder (or gold)</source>
        <translation>크로스 인코더 (또는 정답)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="94" />
        <source>bi-encoder rank minus {ref} rank: {delta}
positive: the {ref} ranks this pair higher than the bi-encoder</source>
        <translation>바이 인코더 순위 − {ref} 순위: {delta}
양수: {ref}이(가) 바이 인코더보다 이 쌍을 높게 평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="106" />
        <source>bi-encoder cosine similarity</source>
        <translation>바이 인코더 코사인 유사도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="107" />
        <source>cross-encoder score of the pair</source>
        <translation>쌍의 크로스 인코더 점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="108" />
        <source>difference of ranks: bi-encoder rank minus {ref} rank (positive: the {ref} ranks the pair higher)</source>
        <translation>순위 차이: 바이 인코더 순위 − {ref} 순위 (양수: {ref}이(가) 이 쌍을 더 높게 평가)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/pair_table.py" line="110" />
        <source>the data set's gold score or label</source>
        <translation>데이터 세트의 정답 점수 또는 레이블</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="47" />
        <source>step</source>
        <extracomment>colours of overlaid runs (colour-blind friendly, Okabe–Ito)</extracomment>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="130" />
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="130" />
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="131" />
        <source>raw</source>
        <translation>원값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="132" />
        <source>smoothed</source>
        <translation>평활값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="173" />
        <source>Dev metric</source>
        <translation>dev 지표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="173" />
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="184" />
        <source>score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="176" />
        <source>selected run (first point: before training)</source>
        <translation>선택한 실행 (첫 점: 학습 전)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="217" />
        <source>Sentence length (words)</source>
        <translation>문장 길이 (단어 수)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/plots.py" line="218" />
        <source>sentences</source>
        <translation>문장 수</translation>
    </message>
</context>
<context>
    <name>PrecisionCalibration</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="63" />
        <source>Measuring {precision} on {backend} against fp32 on this machine…</source>
        <translation>이 컴퓨터에서 {backend}의 {precision}을(를) fp32와 비교해 측정하는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="73" />
        <source>Measure {precision} against fp32</source>
        <translation>{precision}을(를) fp32와 비교해 측정</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="86" />
        <source>Could not measure the precision choice: {message}</source>
        <translation>정밀도 선택을 측정할 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="92" />
        <source>{precision} on {backend}: {speedup}× the speed of fp32</source>
        <translation>{backend}의 {precision}: fp32 대비 {speedup}배 속도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="95" />
        <source>mean cosine to fp32 {mean} (lowest {low})</source>
        <translation>fp32와의 평균 코사인 {mean} (최저 {low})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="97" />
        <source>measured on {n} sentences here</source>
        <translation>이 컴퓨터에서 문장 {n}개로 측정</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="99" />
        <source>scores differ from fp32 by {diff} on average</source>
        <translation>fp32와 점수 차이 평균 {diff}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/precision_calibration.py" line="101" />
        <source>measured on {n} pairs here</source>
        <translation>이 컴퓨터에서 쌍 {n}개로 측정</translation>
    </message>
</context>
<context>
    <name>PresetLauncher</name>
    <message>
        <location filename="../../sbert_desktop/gui/preset_launcher.py" line="24" />
        <source>about {h} h {m} min</source>
        <translation>약 {h}시간 {m}분</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/preset_launcher.py" line="25" />
        <source>about {m} min</source>
        <translation>약 {m}분</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/preset_launcher.py" line="77" />
        <source>The preset cannot start: {message}</source>
        <translation>프리셋을 시작할 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/preset_launcher.py" line="83" />
        <source>Results in {path}. Cancel from the job list; starting the preset again continues a cancelled stage.</source>
        <translation>결과 위치: {path}. 작업 목록에서 취소할 수 있고, 프리셋을 다시 시작하면 취소된 단계부터 이어 갑니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/preset_launcher.py" line="85" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
</context>
<context>
    <name>PromptChoice</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="27" />
        <source>Prompts and dimensions</source>
        <translation>프롬프트와 차원</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="31" />
        <source>Put before every sentence that is embedded (the corpus, the map, clusters)</source>
        <translation>임베딩하는 모든 문장 앞에 붙입니다 (말뭉치, 지도, 클러스터)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="34" />
        <source>Put before search queries (Compare page search)</source>
        <translation>검색어 앞에 붙입니다 (비교 페이지 검색)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="37" />
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="38" />
        <source>Matryoshka models: keep the first N dimensions, then normalise to unit length (smaller, faster; the Evaluate page shows what it costs)</source>
        <translation>Matryoshka 모델: 앞의 N차원만 남기고 단위 길이로 정규화합니다 (더 작고 빠름. 그 대가는 평가 페이지에서 확인)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="41" />
        <source>Sentence prompt</source>
        <translation>문장 프롬프트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="42" />
        <source>Query prompt</source>
        <translation>검색어 프롬프트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="43" />
        <source>Dimensions</source>
        <translation>차원 수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="61" />
        <source>model's default ({name})</source>
        <translation>모델 기본값 ({name})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="62" />
        <source>model's default (none)</source>
        <translation>모델 기본값 (없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="63" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/prompt_choice.py" line="71" />
        <source>query (the model's query prompt)</source>
        <translation>query (모델의 검색어 프롬프트)</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="10" />
        <source>dev ρ</source>
        <translation>dev ρ</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="10" />
        <source>dev r</source>
        <translation>dev r</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="11" />
        <source>dev accuracy</source>
        <translation>dev 정확도</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="11" />
        <source>dev macro-F1</source>
        <translation>dev macro-F1</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="12" />
        <source> (weak)</source>
        <translation> (약함)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="13" />
        <source> (worse than untrained)</source>
        <translation> (학습 전보다 나쁨)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="13" />
        <source> (near chance)</source>
        <translation> (우연 수준)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="14" />
        <source> Weak: use it to look around, not to trust its ranking.</source>
        <translation> 약함: 둘러보는 데는 쓸 수 있지만 순위를 믿지는 마세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="15" />
        <source> It is worse than the model it was trained from.</source>
        <translation> 학습을 시작한 모델보다 나쁩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="16" />
        <source> Near chance: it has learned nothing usable.</source>
        <translation> 우연 수준: 쓸 만한 것을 배우지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="35" />
        <source>{name} {value}, {baseline} before training; chance is {chance}.</source>
        <translation>{name} {value}, 학습 전 {baseline}, 우연 수준은 {chance}입니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="38" />
        <source>{name} {value}; chance is {chance}.</source>
        <translation>{name} {value}, 우연 수준은 {chance}입니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="67" />
        <source>The cross-encoder spells Korean out too ({tokens} tokens per syllable): its scores and reranking of Korean sentences mean as little.</source>
        <translation>크로스 인코더도 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). 한국어 문장에 대한 점수와 재순위도 마찬가지로 거의 의미가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="71" />
        <source>{share} of the sentences are Korean, and the cross-encoder spells Korean out letter by letter ({tokens} tokens per syllable): unless it was trained on Korean, its scores and reranking of Korean sentences mean little. Load a Korean-capable cross-encoder on the Model page, or train one on Korean pairs such as KorSTS on the Train page.</source>
        <translation>문장의 {share}가 한국어인데, 크로스 인코더가 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). 한국어로 학습된 모델이 아니라면 한국어 문장에 대한 점수와 재순위는 거의 의미가 없습니다. 모델 페이지에서 한국어를 읽는 크로스 인코더를 불러오거나, 학습 페이지에서 KorSTS 같은 한국어 문장 쌍으로 학습하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="76" />
        <source>{share} of the sentences are Korean, and this model spells Korean out letter by letter ({tokens} tokens per syllable): unless it was trained on Korean, similarities, clusters and maps of Korean sentences mean little. Load a Korean-capable model on the Model page, or make this one Korean-capable (Train → Korean preset…).</source>
        <translation>문장의 {share}가 한국어인데, 이 모델은 한국어를 자모 단위로 쪼개어 읽습니다 (음절당 토큰 {tokens}개). 한국어로 학습된 모델이 아니라면 한국어 문장의 유사도, 클러스터, 지도는 거의 의미가 없습니다. 모델 페이지에서 한국어를 읽는 모델을 불러오거나, 학습 → 한국어 프리셋…으로 이 모델이 한국어를 읽게 하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="108" />
        <source>about {share}</source>
        <translation>약 {share}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="109" />
        <source>{share} of the sentences are longer than this model reads ({max} tokens; the longest sampled has {longest}): only their first {max} tokens count in their embeddings, neighbours and clusters.</source>
        <translation>문장의 {share}가 이 모델이 읽는 길이({max} 토큰)보다 깁니다 (표본에서 가장 긴 문장은 {longest} 토큰). 앞의 {max} 토큰만 임베딩, 이웃, 클러스터에 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="114" />
        <source>Split long texts into passages, or raise Max sequence length on the Model page (this model reads up to {limit}).</source>
        <translation>긴 텍스트는 단락으로 나누거나, 모델 페이지에서 최대 시퀀스 길이를 늘리세요 (이 모델은 {limit} 토큰까지 읽습니다).</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/quality_text.py" line="116" />
        <source>Split long texts into passages: this model reads no more.</source>
        <translation>긴 텍스트는 단락으로 나누세요. 이 모델은 더 길게 읽지 못합니다.</translation>
    </message>
</context>
<context>
    <name>RerankView</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="73" />
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="211" />
        <source>Bi-encoder</source>
        <translation>바이 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="75" />
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="212" />
        <source>Cross-encoder rerank</source>
        <translation>크로스 인코더 재순위화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="79" />
        <source>Cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="79" />
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="81" />
        <source>Sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="80" />
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="80" />
        <source>Move</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="108" />
        <source>Neighbours of</source>
        <translation>이웃 기준 문장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="108" />
        <source>Query</source>
        <translation>검색어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="111" />
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="112" />
        <source>Encode the sentences first.</source>
        <translation>먼저 문장을 인코딩하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="118" />
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="123" />
        <source>Bi-encoder: searching…</source>
        <translation>바이 인코더: 검색 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="136" />
        <source>encode {encode} · search {search}</source>
        <translation>인코딩 {encode} · 검색 {search}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="138" />
        <source>search {search}</source>
        <translation>검색 {search}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="139" />
        <source>&lt;b&gt;Bi-encoder&lt;/b&gt;: top {k} of {n} in {time} ({detail})</source>
        <translation>&lt;b&gt;바이 인코더&lt;/b&gt;: {n}개 중 상위 {k}개, {time} ({detail})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="145" />
        <source>Cross-encoder: load one on the Model page to rerank these.</source>
        <translation>크로스 인코더: 재순위화하려면 모델 페이지에서 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="150" />
        <source>Cross-encoder: rescoring {n} candidates…</source>
        <translation>크로스 인코더: 후보 {n}개를 다시 채점하는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="151" />
        <source>Rerank</source>
        <translation>재순위화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="175" />
        <source>&lt;b&gt;Cross-encoder&lt;/b&gt;: reranked {n} candidates in {time}</source>
        <translation>&lt;b&gt;크로스 인코더&lt;/b&gt;: 후보 {n}개를 {time}에 재순위화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="191" />
        <source>Search failed: {message}</source>
        <translation>검색 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="230" />
        <source>bi-encoder rank {bi} → cross-encoder rank {cross}</source>
        <translation>바이 인코더 순위 {bi} → 크로스 인코더 순위 {cross}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/rerank_view.py" line="249" />
        <source>{n} rows hold this text; shown: row {row}.</source>
        <translation>이 문장이 있는 행: {n}개. 표시된 행: {row}.</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="82" />
        <source> · best {metric} {value}</source>
        <extracomment>dev metrics in the order one is chosen as "the" metric to plot</extracomment>
        <translation> · 최고 {metric} {value}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="90" />
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="90" />
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="91" />
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="92" />
        <source>max length</source>
        <translation>최대 길이</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="92" />
        <source>pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="93" />
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="93" />
        <source>max steps</source>
        <translation>최대 스텝</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="97" />
        <source>data {files}</source>
        <translation>데이터 {files}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="100" />
        <source>dev {metric} {before} untrained → best {best}</source>
        <translation>dev {metric} 학습 전 {before} → 최고 {best}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/runs.py" line="180" />
        <source>Check runs to overlay their curves; select one to see where it was saved</source>
        <translation>체크하면 곡선을 겹쳐 그리고, 선택하면 저장 위치를 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="24" />
        <location filename="../../sbert_desktop/gui/core_text.py" line="48" />
        <source>working</source>
        <translation>작업 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="24" />
        <source>encode</source>
        <translation>인코딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="25" />
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="25" />
        <source>eval</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="26" />
        <source>baseline</source>
        <translation>학습 전 평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="26" />
        <source>teacher</source>
        <translation>교사 임베딩</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="27" />
        <source>score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="27" />
        <source>rank</source>
        <translation>순위 계산</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="28" />
        <source>rerank</source>
        <translation>재순위</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="28" />
        <source>publish</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="29" />
        <source>calibrate</source>
        <translation>보정 측정</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="29" />
        <source>bi-encoder</source>
        <translation>바이 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="30" />
        <source>cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="30" />
        <source>similarity matrix</source>
        <translation>유사도 행렬</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="31" />
        <source>nearest neighbours</source>
        <translation>최근접 이웃</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="31" />
        <source>search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="32" />
        <source>umap layout</source>
        <translation>UMAP 배치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="32" />
        <source>reducing</source>
        <translation>차원 축소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="33" />
        <source>clustering</source>
        <translation>클러스터링 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="33" />
        <source>noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="34" />
        <source>scoring</source>
        <translation>점수 계산</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="34" />
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="35" />
        <source>vocabulary</source>
        <translation>어휘 확장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="35" />
        <source>merging clusters (best silhouette)</source>
        <translation>클러스터 병합 (실루엣 최대)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="36" />
        <source>scanning coarser topic levels</source>
        <translation>더 넓은 주제 수준 살펴보기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="58" />
        <source>labelling the other {n} rows from the sample</source>
        <translation>표본 밖의 나머지 {n}행에 레이블 붙이는 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="61" />
        <source>merging clusters to {n}</source>
        <translation>클러스터를 {n}개로 병합</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/core_text.py" line="64" />
        <source>refining {n} topics</source>
        <translation>주제 {n}개 다듬는 중</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="142" />
        <source>No model loaded</source>
        <extracomment>bumped on every change; a task records the ones it reads (``inputs``) and its result is only used while they are unchanged (see gui/jobs.py)</extracomment>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="150" />
        <source>Bi-encoder: none loaded</source>
        <translation>바이 인코더: 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="153" />
        <source> · normalized</source>
        <translation> · 정규화</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="155" />
        <source>Bi-encoder: {name} · {pooling} pooling · {dim}-d</source>
        <translation>바이 인코더: {name} · {pooling} 풀링 · {dim}차원</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="162" />
        <source>Cross-encoder: none loaded</source>
        <translation>크로스 인코더: 불러오지 않음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="165" />
        <source>Cross-encoder: {name} · {labels} label(s)</source>
        <translation>크로스 인코더: {name} · 레이블 {labels}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/state.py" line="201" />
        <source>all-MiniLM-L6-v2 (bundled)</source>
        <translation>all-MiniLM-L6-v2 (내장)</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="50" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="53" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="54" />
        <source>Stop at the next step and keep a checkpoint to resume from</source>
        <translation>다음 스텝에서 멈추고 이어서 학습할 체크포인트를 남깁니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="56" />
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="57" />
        <source>Continue the selected cancelled run from its checkpoint</source>
        <translation>선택한 취소된 실행을 체크포인트부터 이어 갑니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="88" />
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="96" />
        <source>Log scale</source>
        <translation>로그 축</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="97" />
        <source>Show the loss on a logarithmic axis</source>
        <translation>손실을 로그 축으로 표시합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="103" />
        <location filename="../../sbert_desktop/gui/pages/training.py" line="373" />
        <source>Runs are saved under the app's runs folder.</source>
        <translation>실행 결과는 앱의 runs 폴더에 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="107" />
        <source>Make active model</source>
        <translation>활성 모델로 지정</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="110" />
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="112" />
        <source>Open run…</source>
        <translation>실행 열기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="114" />
        <source>Bring a run folder (trained here or headless elsewhere) into the list, with its history and curves</source>
        <translation>실행 폴더(여기서 또는 다른 곳에서 헤드리스로 학습한 것)를 기록과 곡선과 함께 목록에 추가합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="117" />
        <source>Export as command line…</source>
        <translation>명령줄로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="119" />
        <source>The selected run (or the form) as the exact sbert-desktop train command, and a launch script for a bigger machine (several GPUs, several machines)</source>
        <translation>선택한 실행(또는 양식)을 그대로 재현하는 sbert-desktop train 명령과 더 큰 장비(여러 GPU, 여러 대)용 실행 스크립트</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="139" />
        <source>Runs (check to overlay)</source>
        <translation>실행 목록 (체크하면 겹쳐 그림)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="212" />
        <source> · stopping after this step…</source>
        <translation> · 이번 스텝 후 멈추는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="228" />
        <source>Resume {name}</source>
        <translation>{name} 이어서 학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="228" />
        <source>Train {name}</source>
        <translation>{name} 학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="237" />
        <source>Reading the data and loading the model…</source>
        <translation>데이터를 읽고 모델을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="277" />
        <source>step {done} / {total}</source>
        <translation>스텝 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="279" />
        <source>epoch {epoch}</source>
        <translation>에폭 {epoch}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="280" />
        <source>elapsed {time}</source>
        <translation>경과 {time}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="282" />
        <source>evaluated on dev</source>
        <translation>dev 세트로 평가함</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="284" />
        <source>evaluated the untrained model on dev</source>
        <translation>학습 전 모델을 dev 세트로 평가함</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="286" />
        <source>ETA {time}</source>
        <translation>남은 시간 {time}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="311" />
        <source>Reading the data: {notes}.</source>
        <translation>데이터 읽기: {notes}.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="326" />
        <source>Training failed: {message}</source>
        <translation>학습 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="330" />
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="337" />
        <location filename="../../sbert_desktop/gui/pages/training.py" line="476" />
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="338" />
        <source>Cancelled — Resume continues from the checkpoint</source>
        <translation>취소됨 — 이어서 학습을 누르면 체크포인트부터 계속합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="339" />
        <location filename="../../sbert_desktop/gui/pages/training.py" line="475" />
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="340" />
        <source>Stopped before the first checkpoint</source>
        <translation>첫 체크포인트 전에 멈춤</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="355" />
        <location filename="../../sbert_desktop/gui/pages/training.py" line="365" />
        <source>dev metric</source>
        <translation>dev 지표</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="376" />
        <source> (best dev {metric} {value})</source>
        <translation> (최고 dev {metric} {value})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="378" />
        <source>Saved to {path}</source>
        <translation>저장 위치: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="380" />
        <source>Cancelled; checkpoint in {path}</source>
        <translation>취소됨. 체크포인트 위치: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="406" />
        <source>Load {name}</source>
        <translation>{name} 불러오기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="408" />
        <source>Could not load the trained model: {message}</source>
        <translation>학습한 모델을 불러올 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="416" />
        <source>Active model: {model}</source>
        <translation>활성 모델: {model}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="427" />
        <source>Open a training run folder</source>
        <translation>학습 실행 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="433" />
        <source>{folder}: not a training run folder (no train_config.json)</source>
        <translation>{folder}: 학습 실행 폴더가 아닙니다 (train_config.json 없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="475" />
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="476" />
        <source>Stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training.py" line="477" />
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>TrainingCues</name>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/training_cues.py" line="34" />
        <source>The loss stays at {mean} ≈ ln 3 = {chance}, the loss of guessing among three labels: the model is not learning. Try a higher learning rate, more steps or check the labels.</source>
        <extracomment>the loss of a classifier that has learned nothing: ln(number of classes)</extracomment>
        <translation>손실이 {mean} ≈ ln 3 = {chance}에 머물러 있습니다. 세 레이블 중 무작위로 고를 때의 손실이므로 모델이 학습하지 못하고 있습니다. 학습률을 높이거나 스텝을 늘리거나 레이블을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/training_cues.py" line="55" />
        <source>{share} of the training texts reach Max sequence length ({n} tokens) and lose their end to it.</source>
        <translation>학습 문장의 {share}가 최대 시퀀스 길이({n}토큰)에 닿아 끝부분이 잘립니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/training_cues.py" line="58" />
        <source>{share} of the training pairs (both sentences together) reach Max sequence length ({n} tokens) and lose their end to it.</source>
        <translation>학습 쌍(두 문장을 합친 것)의 {share}가 최대 시퀀스 길이({n}토큰)에 닿아 끝부분이 잘립니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/training_cues.py" line="62" />
        <source>This model reads up to {limit}: raise it to train on more of them.</source>
        <translation>이 모델은 {limit}토큰까지 읽습니다. 길이를 늘리면 더 많은 부분으로 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/widgets/training_cues.py" line="64" />
        <source>Split long texts into passages to train on all of them.</source>
        <translation>긴 텍스트를 단락으로 나누면 전부 학습에 쓰입니다.</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="23" />
        <source>Softmax classifier over (u, v, |u−v|) — paper</source>
        <translation>(u, v, |u−v|) 위의 소프트맥스 분류기 — 논문</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="24" />
        <source>Multiple negatives ranking</source>
        <translation>다중 음성 순위 손실 (MNRL)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="25" />
        <source>MSE to the teacher's embedding of the source — paper</source>
        <translation>원문에 대한 교사 임베딩과의 MSE — 논문</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="26" />
        <source>Cosine similarity, MSE — paper</source>
        <translation>코사인 유사도, MSE — 논문</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="27" />
        <source>CoSENT ranking</source>
        <translation>CoSENT 순위 손실</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="28" />
        <source>Cross-entropy, 3 classes</source>
        <translation>교차 엔트로피, 3개 클래스</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="29" />
        <source>Binary cross-entropy on the scaled score</source>
        <translation>정규화한 점수에 대한 이진 교차 엔트로피</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="30" />
        <source>Multiple negatives ranking, gradient caching (big batches, small memory)</source>
        <translation>다중 음성 순위 손실, 그래디언트 캐싱 (큰 배치, 적은 메모리)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="85" />
        <source>Bi-encoder (SBERT)</source>
        <extracomment>(encoder, task) -&gt; [(loss, label)], the first is the default: core's LOSSES (config imports no torch)</extracomment>
        <translation>바이 인코더 (SBERT)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="86" />
        <source>Cross-encoder</source>
        <translation>크로스 인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="87" />
        <source>Bi-encoders embed each sentence; cross-encoders read both sentences together</source>
        <translation>바이 인코더는 문장마다 임베딩을 만들고, 크로스 인코더는 두 문장을 함께 읽습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="89" />
        <source>STS — similarity scores</source>
        <translation>STS — 유사도 점수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="90" />
        <source>NLI — entailment labels</source>
        <translation>NLI — 함의 레이블</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="91" />
        <source>Pairs — (anchor, positive), e.g. question/answer</source>
        <translation>쌍 — (기준, 정답), 예: 질문/답변</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="92" />
        <source>Triplets — (anchor, positive, negative), e.g. mined</source>
        <translation>삼중쌍 — (기준, 정답, 오답), 예: 채굴한 오답</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="93" />
        <source>Distillation — parallel sentences (source, translation)</source>
        <translation>증류 — 병렬 문장 (원문, 번역문)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="94" />
        <source>Set from the training file when it is opened (STS/NLI); pairs and triplets train a bi-encoder with multiple-negatives ranking on retrieval data</source>
        <translation>학습 파일을 열면 그에 맞게 정해집니다 (STS/NLI). 쌍과 삼중쌍은 검색용 데이터로 바이 인코더를 다중 음성 순위 손실로 학습합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="97" />
        <source>The objective; the first one is the paper's</source>
        <translation>학습 목표입니다. 첫 번째가 논문의 방식입니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="99" />
        <source>Fine-tune the active model (Model page) or the bundled all-MiniLM-L6-v2</source>
        <translation>활성 모델(모델 페이지) 또는 내장 all-MiniLM-L6-v2를 미세 조정합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="107" />
        <source>Training pairs (STS-B, KorSTS, SNLI, KorNLI, SICK or generic)</source>
        <translation>학습용 문장 쌍 (STS-B, KorSTS, SNLI, KorNLI, SICK 또는 일반 형식)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="108" />
        <source>Dev pairs, for the metric curve (optional)</source>
        <translation>지표 곡선용 dev 문장 쌍 (선택)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="117" />
        <source>Passes over the training data. Paper: 4 for STS-B, 1 for NLI.</source>
        <translation>학습 데이터를 도는 횟수. 논문: STS-B는 4, NLI는 1.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="117" />
        <source>paper (STS 4, NLI 1)</source>
        <translation>논문 값 (STS 4, NLI 1)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="118" />
        <source>Pairs per optimisation step. Paper: 16.</source>
        <translation>최적화 스텝당 문장 쌍 수. 논문: 16.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="121" />
        <source>Peak learning rate of AdamW. Paper: 2e-5.</source>
        <translation>AdamW의 최대 학습률. 논문: 2e-5.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="122" />
        <source>Fraction of steps with a linear warm-up of the learning rate. Paper: 0.1.</source>
        <translation>학습률을 선형으로 올리는 워밍업 스텝의 비율. 논문: 0.1.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="123" />
        <source>AdamW weight decay (not on biases and LayerNorm). Default 0.01.</source>
        <translation>AdamW 가중치 감쇠 (편향과 LayerNorm 제외). 기본값 0.01.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="124" />
        <source>Clip the gradient norm to this value; 0 turns clipping off.</source>
        <translation>그래디언트 노름을 이 값으로 자릅니다. 0이면 자르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="125" />
        <source>Longer inputs are truncated to this many tokens. Default: the model's own (256 for the bundled model); a fine-tune keeps it.</source>
        <translation>이보다 긴 입력은 이 토큰 수에서 잘립니다. 기본값: 모델 자체 값 (내장 모델은 256). 미세 조정 후에도 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="127" />
        <source>model's own</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="128" />
        <source>Batches of similar length</source>
        <translation>길이가 비슷한 문장끼리 배치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="131" />
        <source>Cut each epoch's shuffled order into groups of 50 batches and sort each group by length: batches pad to little more than their own sentences, so steps are faster (an STS-B epoch in half the time, at the same dev score). The same examples per epoch; not for losses with in-batch negatives (mnrl).</source>
        <translation>에폭마다 섞은 순서를 50개 배치 묶음으로 나누고 각 묶음을 길이순으로 정렬합니다: 배치의 패딩이 거의 없어 스텝이 빨라집니다 (STS-B 한 에폭이 절반 시간에, 같은 dev 점수로). 에폭마다 같은 예제를 쓰며, 배치 안의 다른 예제를 음성으로 쓰는 손실(mnrl)에는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="136" />
        <source>Random seed: the same seed and data give the same model.</source>
        <translation>난수 시드: 같은 시드와 데이터는 같은 모델을 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="137" />
        <source>Evaluate on the dev file every N steps (and at each epoch end).</source>
        <translation>N 스텝마다 (그리고 에폭이 끝날 때마다) dev 파일로 평가합니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="137" />
        <source>each epoch</source>
        <translation>에폭마다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="138" />
        <source>Stop after this many steps (0: train all epochs).</source>
        <translation>이 스텝 수 후에 멈춥니다 (0: 모든 에폭 학습).</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="138" />
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="141" />
        <source>auto: CUDA, then Apple MPS, then the CPU</source>
        <translation>auto: CUDA, 다음은 Apple MPS, 다음은 CPU</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="142" />
        <source>Paper defaults</source>
        <translation>논문 기본값</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="143" />
        <source>Reset every hyperparameter to the SBERT paper's recipe</source>
        <translation>모든 하이퍼파라미터를 SBERT 논문의 설정으로 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="146" />
        <source>Korean preset…</source>
        <translation>한국어 프리셋…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="148" />
        <source>Make the active bi-encoder (or the bundled one) Korean-capable: distillation on English–Korean pairs, then KorSTS; shows the estimated time before it starts</source>
        <translation>활성 바이 인코더(또는 내장 모델)가 한국어를 이해하도록 만듭니다: 영어–한국어 쌍으로 증류한 뒤 KorSTS로 학습. 시작 전에 예상 시간을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="153" />
        <source>Cross-encoder preset…</source>
        <translation>크로스 인코더 프리셋…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="155" />
        <source>Train a cross-encoder from the active bi-encoder: NLI first, then pairs the bi-encoder scored, then STS-B in both orders (STS-B dev Spearman 87.5 from the bundled model, whose bi-encoder gives 86.7: docs/TRAINING.md); shows the estimated time before it starts</source>
        <translation>활성 바이 인코더로 크로스 인코더를 학습합니다: 먼저 NLI, 다음에 바이 인코더가 점수를 매긴 쌍, 마지막으로 STS-B를 양방향 순서로 (내장 모델에서 STS-B dev Spearman 87.5, 같은 모델의 바이 인코더는 86.7: docs/TRAINING.md). 시작 전에 예상 시간을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="161" />
        <source>What to train</source>
        <translation>학습 대상</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="163" />
        <source>Encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="164" />
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="165" />
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="166" />
        <source>Start from</source>
        <translation>시작 모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="167" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="169" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="170" />
        <source>Dev</source>
        <translation>검증(dev)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="172" />
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="174" />
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="174" />
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="175" />
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="175" />
        <source>Warm-up ratio</source>
        <translation>워밍업 비율</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="176" />
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="176" />
        <source>Max grad norm</source>
        <translation>최대 그래디언트 노름</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="177" />
        <source>Max seq length</source>
        <translation>최대 시퀀스 길이</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="177" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="178" />
        <source>Evaluate every</source>
        <translation>평가 간격</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="178" />
        <source>Max steps</source>
        <translation>최대 스텝</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="179" />
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="204" />
        <source>Active model — {name}</source>
        <translation>활성 모델 — {name}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="205" />
        <source>Bundled default — all-MiniLM-L6-v2</source>
        <translation>내장 기본 모델 — all-MiniLM-L6-v2</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="270" />
        <source>Use {name} (open on the Data page) as the dev file</source>
        <translation>데이터 페이지에 열린 {name}을(를) dev 파일로 사용</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="271" />
        <source>Use {name} (open on the Data page) as the train file</source>
        <translation>데이터 페이지에 열린 {name}을(를) 학습 파일로 사용</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="285" />
        <source>reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="288" />
        <source>Inspect {name}</source>
        <translation>{name} 살펴보기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="297" />
        <source>{n} sentence pairs</source>
        <translation>문장 쌍 {n}개</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="304" />
        <source>{format} · {task} · {rows} pairs · {encoding}</source>
        <translation>{format} · {task} · 문장 쌍 {rows}개 · {encoding}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="325" />
        <source>Choose a training file.</source>
        <translation>학습 파일을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="327" />
        <source>Training file not found: {path}</source>
        <translation>학습 파일이 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="330" />
        <source>Dev file not found: {path}</source>
        <translation>dev 파일이 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/pages/training_form.py" line="334" />
        <source>The learning rate {value} is not a number.</source>
        <translation>학습률 {value}은(는) 숫자가 아닙니다.</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="28" />
        <source>SBERT workspace, one file (*{archive});;SBERT workspace folder (*{folder})</source>
        <translation>SBERT 작업 공간, 파일 하나 (*{archive});;SBERT 작업 공간 폴더 (*{folder})</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="33" />
        <source>SBERT workspaces (*{archive} {manifest});;All files (*)</source>
        <translation>SBERT 작업 공간 (*{archive} {manifest});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="98" />
        <source>Save &amp;Workspace…</source>
        <translation>작업 공간 저장(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="99" />
        <source>Save data, embeddings, clusters, map, pairs and runs as one workspace</source>
        <translation>데이터, 임베딩, 클러스터, 지도, 쌍, 실행을 하나의 작업 공간으로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="101" />
        <source>Open Wor&amp;kspace…</source>
        <translation>작업 공간 열기(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="102" />
        <source>Open a saved workspace (.sbert file or .sbertws folder)</source>
        <translation>저장한 작업 공간 열기 (.sbert 파일 또는 .sbertws 폴더)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="123" />
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="187" />
        <source>A workspace is being saved or opened; try again when it finished.</source>
        <translation>작업 공간을 저장하거나 여는 중입니다. 끝난 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="125" />
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="137" />
        <source>Save workspace</source>
        <translation>작업 공간 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="138" />
        <source>Embed a copy of the data file {name} ({size} MB) in the workspace?

With a copy the workspace opens anywhere, also where the original file is not.</source>
        <translation>데이터 파일 {name}({size} MB)의 사본을 작업 공간에 넣을까요?

사본이 있으면 원본 파일이 없는 곳에서도 작업 공간을 열 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="165" />
        <source>Save workspace {name}</source>
        <translation>작업 공간 {name} 저장</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="167" />
        <source>Could not save the workspace</source>
        <translation>작업 공간을 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="169" />
        <source>Saving workspace {name}…</source>
        <translation>작업 공간 {name} 저장 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="174" />
        <source>Workspace saved to {path}</source>
        <translation>작업 공간을 저장했습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="180" />
        <source>Open workspace (a .sbert file, or workspace.json in a .sbertws folder)</source>
        <translation>작업 공간 열기 (.sbert 파일 또는 .sbertws 폴더의 workspace.json)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="190" />
        <source>Open workspace {name}</source>
        <translation>작업 공간 {name} 열기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="194" />
        <source>Opening workspace {name}…</source>
        <translation>작업 공간 {name} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="202" />
        <source>Read {name}</source>
        <translation>{name} 읽기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="209" />
        <source>Opening the workspace was cancelled; nothing was changed.</source>
        <translation>작업 공간 열기를 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="218" />
        <source>Where is {name} now? (Cancel: open the workspace without it)</source>
        <translation>{name}은(는) 지금 어디에 있나요? (취소: 이 파일 없이 작업 공간 열기)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="219" />
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="224" />
        <source>Data file changed</source>
        <translation>데이터 파일이 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="225" />
        <source>{path} changed since the workspace was saved.

The saved sentences, embeddings and clusters are shown as they were; the Data page shows the file as it is now. Open the workspace anyway?</source>
        <translation>작업 공간을 저장한 뒤 {path}이(가) 바뀌었습니다.

저장된 문장, 임베딩, 클러스터는 저장 당시대로 보이고, 데이터 페이지는 지금의 파일을 보여 줍니다. 그래도 작업 공간을 열까요?</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="235" />
        <source>Download models?</source>
        <translation>모델을 내려받을까요?</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="236" />
        <source>This workspace uses model(s) that are not on this computer:
{names}

Download them from the Hugging Face hub? (No: the workspace opens without loading them.)</source>
        <translation>이 작업 공간은 이 컴퓨터에 없는 모델을 씁니다:
{names}

Hugging Face 허브에서 내려받을까요? (아니요: 모델 없이 작업 공간을 엽니다.)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="250" />
        <source>not downloaded: </source>
        <translation>내려받지 않음: </translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="255" />
        <source>Workspace {name} opened</source>
        <translation>작업 공간 {name}을(를) 열었습니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/workspace_actions.py" line="260" />
        <source>Could not open the workspace</source>
        <translation>작업 공간을 열 수 없습니다</translation>
    </message>
</context>
</TS>