/**
 * The playground (/playground, /en/playground): a page to write one's own program at full size, set the world
 * (round-trip time, loss, seed), run it with every inspector and the timeline, and share it as a link. This file is
 * the eager part and stays small: the heading, a line of help, and a placeholder the size of the editor. The live part
 * (src/playground/Playground.tsx: editor, inspectors, the link codec) is a chunk loaded once the page is up.
 */
import {useEffect, useState, type ComponentType, type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {translate} from '@docusaurus/Translate';
import ErrorBoundary from '../components/ErrorBoundary';
import {loadOnce} from '../lib/loadOnce';
import {loadHighlighter} from '../prism';
import Placeholder from '../playground/Placeholder';
import styles from '../playground/styles.module.css';

const live = loadOnce<ComponentType>(() =>
  Promise.all([import(/* webpackChunkName: "playground" */ '../playground/Playground'), loadHighlighter()]).then(
    ([m]) => m.default,
  ),
);

export default function PlaygroundPage(): ReactNode {
  const title = translate({id: 'playground.title', message: '놀이터', description: 'Title of the playground page'});
  return (
    <Layout
      title={title}
      description={translate({
        id: 'playground.description',
        message: '시뮬레이션된 네트워크에서 내 소켓 프로그램을 써 보고, 실행을 살펴보고, 링크로 나눠요.',
      })}>
      <main className={`container container--fluid ${styles.page}`}>
        <Heading as="h1">{title}</Heading>
        <p className={styles.intro}>
          {translate({
            id: 'playground.intro',
            message:
              '내 프로그램을 써서 시뮬레이션된 네트워크에서 실행해 보세요. 왕복 시간, 패킷 손실, 난수 시드를 바꿀 수 있고, "링크 복사"로 프로그램과 설정을 링크 하나에 담아 나눌 수 있어요. 링크의 프로그램은 주소의 # 뒤에 있어서 서버로 보내지지 않아요.',
          })}
        </p>
        <LivePart />
      </main>
    </Layout>
  );
}

type Stage = 'loading' | 'live' | 'failed';

function LivePart(): ReactNode {
  const [stage, setStage] = useState<Stage>('loading');
  const load = () => {
    setStage('loading');
    live.load().then(
      () => setStage('live'),
      () => setStage('failed'),
    );
  };
  useEffect(load, []);
  const Live = stage === 'live' ? live.current() : null;
  if (Live) {
    return (
      <ErrorBoundary fallback={<Failed />}>
        <Live />
      </ErrorBoundary>
    );
  }
  return stage === 'failed' ? <Failed onRetry={load} /> : <Placeholder />;
}

function Failed({onRetry}: {onRetry?: () => void}): ReactNode {
  return (
    <p role="alert" className={styles.failed}>
      {translate({
        id: 'playground.loadError',
        message: '놀이터를 불러오지 못했어요. 연결을 확인하고 다시 시도해 주세요.',
      })}{' '}
      {onRetry ? (
        <button type="button" className="button button--sm button--secondary" onClick={onRetry}>
          {translate({id: 'livecode.retry', message: '다시 불러오기'})}
        </button>
      ) : null}
    </p>
  );
}
