/** What the playground says about a share link it could not open, in the reader's language. */
import {translate} from '@docusaurus/Translate';
import type {LinkError} from './shareLink';

export function linkErrorText(error: LinkError): string {
  const opened = translate({
    id: 'playground.link.defaultOpened',
    message: '대신 기본 프로그램을 열었어요.',
  });
  const why = (() => {
    switch (error) {
      case 'damaged':
      case 'not-a-link':
        return translate({
          id: 'playground.link.damaged',
          message: '이 링크는 잘렸거나 손상되어 프로그램을 꺼낼 수 없어요. 보낸 사람에게 링크 전체를 다시 받아 보세요.',
        });
      case 'too-large':
        return translate({
          id: 'playground.link.tooLarge',
          message: '이 링크의 프로그램은 놀이터가 여는 크기보다 커서 열지 않았어요.',
        });
      case 'unknown-version':
        return translate({
          id: 'playground.link.unknownVersion',
          message: '이 링크는 이 사이트가 모르는 새 형식이에요. 페이지를 새로고침한 뒤 다시 열어 보세요.',
        });
      case 'invalid':
        return translate({
          id: 'playground.link.invalid',
          message: '이 링크의 설정 값(왕복 시간, 패킷 손실, 시드)이 허용 범위를 벗어나 열지 않았어요.',
        });
    }
  })();
  return `${why} ${opened}`;
}
