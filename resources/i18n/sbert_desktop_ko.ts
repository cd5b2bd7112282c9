<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="122" />
        <location filename="../../sbert_desktop/gui/main_window.py" line="180" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="123" />
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="125" />
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="127" />
        <source>&amp;Save Model As…</source>
        <translation>모델 다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="130" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="133" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="138" />
        <location filename="../../sbert_desktop/gui/main_window.py" line="192" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="139" />
        <source>Open &amp;example</source>
        <translation>예제 열기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="140" />
        <source>Open the bundled example: sentences on the map, STS pairs ready to train</source>
        <translation>내장 예제 열기: 지도 위의 문장들과 바로 학습할 수 있는 STS 쌍</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="141" />
        <source>Show &amp;guide</source>
        <translation>안내 보기(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="143" />
        <source>&amp;About SBERT Desktop</source>
        <translation>SBERT Desktop 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="145" />
        <source>Open &amp;log folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="153" />
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="156" />
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="189" />
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="190" />
        <source>&amp;Embedding cache…</source>
        <translation>임베딩 캐시(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/main_window.py" line="191" />
        <source>See and limit the embeddings kept on disk, or clear them</source>
        <translation>디스크에 저장된 임베딩을 확인하고 제한하거나 지웁니다</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="94" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="111" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="112" />
        <source>Restart SBERT Desktop to switch the language.</source>
        <translation>언어를 바꾸려면 SBERT Desktop을 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="29" />
        <source>Data</source>
        <extracomment>page titles are keys in the code; only their display goes through this context</extracomment>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="29" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="29" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="30" />
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="30" />
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="31" />
        <source>Clusters</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <location filename="../../sbert_desktop/gui/i18n.py" line="31" />
        <source>Map</source>
        <translation>지도</translation>
    </message>
</context>
</TS>