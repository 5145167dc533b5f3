/**
 * Search (src/search): Korean words match in every inflected form and inside longer words, other words whole or
 * as the prefix being typed; the excerpt marks the reader's words as the text spells them.
 */
import MiniSearch from 'minisearch';
import {describe, expect, it} from 'vitest';
import {pageDoc} from '../../src/search/pageText';
import {excerpt, markTerms, readIndex, search} from '../../src/search/query';
import {SEARCH_OPTIONS, tokenize, type SearchDoc} from '../../src/search/tokenize';

function indexOf(docs: SearchDoc[]) {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(docs);
  return readIndex({version: 1, index: JSON.parse(JSON.stringify(ms)), docs});
}

const DOCS: SearchDoc[] = [
  {id: '/a', title: '파이프', text: '연결이 끝나면 파이프를 닫아요. 포트 번호는 서버를 가리켜요.'},
  {id: '/b', title: '번호표', text: '커널은 디스크립터를 돌려줘요. 디스크립터는 작은 정수이고, 디스크립터로 소켓을 가리켜요.'},
  {id: '/c', title: 'Closing', text: 'After close() the side that closed first waits in TIME-WAIT. A connection ends.'},
];

describe('tokenize', () => {
  it('cuts a Hangul word into overlapping two-syllable pieces and keeps other words whole, lower-cased', () => {
    expect(tokenize('소켓을 TIME-WAIT Connect()')).toEqual(['소켓', '켓을', 'time-wait', 'connect']);
    expect(tokenize('값 -')).toEqual(['값']);
  });
});

describe('search', () => {
  const s = indexOf(DOCS);
  it('finds a Korean stem whatever particle the query or the text glues to it', () => {
    expect(search(s, '디스크립터가')[0]?.id).toBe('/b');
    expect(search(s, '스크립터').map((h) => h.id)).toEqual(['/b']);
  });
  it('matches English whole words and the word being typed as a prefix', () => {
    expect(search(s, 'time-wait').map((h) => h.id)).toEqual(['/c']);
    expect(search(s, 'connec').map((h) => h.id)).toEqual(['/c']);
  });
  it('does not list a page that shares only one small piece of a long Korean query', () => {
    // 파이프를 shares 를-pieces with nothing else; /b holds 를 words but none of 파이, 이프
    expect(search(s, '파이프를').map((h) => h.id)).toEqual(['/a']);
  });
  it('finds nothing for words no page has', () => {
    expect(search(s, '라우터')).toEqual([]);
    expect(search(s, '   ')).toEqual([]);
  });
});

describe('excerpt', () => {
  it('marks the longest part of a Korean query word the text holds', () => {
    expect(markTerms('디스크립터는 번호', '디스크립터를')).toEqual(['디스크립터']);
    const parts = excerpt('커널은 디스크립터는 작은 정수', '디스크립터를');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['디스크립터']);
    expect(parts.map((p) => p.text).join('')).toBe('커널은 디스크립터는 작은 정수');
  });
  it('marks English words in any case and cuts long texts around the first match', () => {
    const text = `${'x '.repeat(200)}The Connection ends${' y'.repeat(200)}`;
    const parts = excerpt(text, 'connection');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['Connection']);
    expect(parts[0].text).toBe('…');
    expect(parts.at(-1)?.text).toBe('…');
  });
});

describe('pageDoc', () => {
  it("takes the article's text: inline tags glue, blocks separate, buttons and drawings are left out", () => {
    const html =
      '<html><nav>장 목록</nav><article><h1>소켓 만들기</h1><p><code>socket()</code>은 <b>디스크립터</b>를 돌려줘요&#x27;</p>' +
      '<button>실행</button><svg><text>SYN</text></svg><p>a &amp; b</p></article><footer>x</footer></html>';
    expect(pageDoc(html, '/docs/socket')).toEqual({id: '/docs/socket', title: '소켓 만들기', text: "소켓 만들기 socket()은 디스크립터를 돌려줘요' a & b"});
  });
  it('has nothing for a page without an article', () => {
    expect(pageDoc('<html><body><h1>Socket Lab</h1></body></html>', '/')).toBeNull();
  });
});
