import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import styles from './index.module.css';

/**
 * The four phases of the note, shown as the path a reader walks through the book. Each card carries the number of
 * the chapter it leads to (chapter 1 is the overview), as the chapter's own title does ("2. 소켓 만들기").
 */
const PHASES: {call: string; id: string; text: ReactNode; to: string; chapter: number}[] = [
  {
    chapter: 2,
    call: 'socket()',
    id: 'home.phase.socket',
    to: '/docs/socket',
    text: <Translate id="home.phase.socket">소켓을 만들고 디스크립터라는 번호표를 받습니다</Translate>,
  },
  {
    chapter: 3,
    call: 'connect()',
    id: 'home.phase.connect',
    to: '/docs/connect',
    text: <Translate id="home.phase.connect">IP 주소와 포트 번호로 서버의 소켓까지 파이프를 잇습니다</Translate>,
  },
  {
    chapter: 4,
    call: 'write() / read()',
    id: 'home.phase.readwrite',
    to: '/docs/read-write',
    text: <Translate id="home.phase.readwrite">버퍼를 거쳐 바이트를 보내고 받습니다</Translate>,
  },
  {
    chapter: 5,
    call: 'close()',
    id: 'home.phase.close',
    to: '/docs/close',
    text: <Translate id="home.phase.close">파이프를 분리하고 소켓을 말소합니다</Translate>,
  },
];

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({id: 'home.title', message: '소켓으로 배우는 데이터 송수신'})}
      description={translate({
        id: 'home.description',
        message: '브라우저 안에서 돌아가는 프로토콜 스택 시뮬레이터로 socket, connect, write, read, close를 직접 실행하며 배웁니다.',
      })}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            Socket Lab
          </Heading>
          <p className={styles.tagline}>
            <Translate id="home.tagline">
              애플리케이션은 어떻게 운영체제의 프로토콜 스택에 데이터 송수신을 맡길까요? 코드를 고치고 실행하면, 시뮬레이션된
              네트워크에서 디스크립터와 포트, TCP 상태, 버퍼, 세그먼트가 움직이는 모습이 그대로 보입니다.
            </Translate>
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/overview">
              <Translate id="home.start">1장부터 시작하기</Translate>
            </Link>
            <Link className="button button--secondary button--lg" to="/docs/intro">
              <Translate id="home.howto">사용법 보기</Translate>
            </Link>
          </div>
        </div>
      </header>
      <main className="container">
        <section className={styles.section} aria-labelledby="phases">
          <Heading as="h2" id="phases">
            <Translate id="home.phases.title">송수신의 네 단계</Translate>
          </Heading>
          <ol className={styles.phases} start={PHASES[0].chapter}>
            {PHASES.map((p) => (
              <li key={p.id} value={p.chapter}>
                <Link to={p.to} className={styles.phaseLink}>
                  <span className={styles.chapter}>
                    <Translate id="home.phase.chapter" values={{n: p.chapter}}>
                      {'{n}장'}
                    </Translate>
                  </span>
                  <code className={styles.call}>{p.call}</code>
                  <span>{p.text}</span>
                </Link>
              </li>
            ))}
          </ol>
          <p className={styles.phasesMore}>
            <Translate
              id="home.phases.more"
              values={{
                server: (
                  <Link to="/docs/server">
                    <Translate id="home.phases.more.server">서버 쪽의 bind(), listen(), accept()</Translate>
                  </Link>
                ),
                sheet: (
                  <Link to="/docs/cheatsheet">
                    <Translate id="home.phases.more.sheet">한 장 요약표</Translate>
                  </Link>
                ),
              }}>
              {'접속을 받는 {server}는 3장과 4장 사이에서 다루고, 호출마다 오가는 세그먼트와 양쪽 상태는 인쇄할 수 있는 {sheet}에 모아 두었습니다.'}
            </Translate>
          </p>
        </section>
        <section className={styles.section} aria-labelledby="features">
          <Heading as="h2" id="features">
            <Translate id="home.features.title">책보다 한 걸음 더</Translate>
          </Heading>
          <ul className={styles.features}>
            <li>
              <strong>
                <Translate id="home.feature.run.title">실행되는 예제</Translate>
              </strong>
              <p>
                <Translate id="home.feature.run.text">
                  모든 장의 코드 블록은 실행됩니다. 포트 번호를 바꾸거나 close()를 지워 보고 무엇이 달라지는지 확인하세요.
                </Translate>
              </p>
            </li>
            <li>
              <strong>
                <Translate id="home.feature.inspect.title">눈에 보이는 프로토콜 스택</Translate>
              </strong>
              <p>
                <Translate id="home.feature.inspect.text">
                  디스크립터 표, 소켓 표, 송수신 버퍼, 시퀀스 다이어그램을 한 단계씩 앞뒤로 넘겨 볼 수 있습니다.
                </Translate>
              </p>
            </li>
            <li>
              <strong>
                <Translate id="home.feature.kernel.title">리눅스 커널이 기준</Translate>
              </strong>
              <p>
                <Translate id="home.feature.kernel.text">
                  시뮬레이터는 실제 리눅스 커널의 동작 기록과 비교해 검증합니다. errno도, 세그먼트 순서도 커널과 같습니다.
                </Translate>
              </p>
            </li>
            <li>
              <strong>
                <Translate id="home.feature.quiz.title">스스로 점검하는 퀴즈</Translate>
              </strong>
              <p>
                <Translate id="home.feature.quiz.text">
                  장마다 퀴즈가 있고, 진행 상황은 이 브라우저에 저장됩니다. 틀린 문제만 다시 풀 수 있습니다.
                </Translate>
              </p>
            </li>
          </ul>
        </section>
      </main>
    </Layout>
  );
}
