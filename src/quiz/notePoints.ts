/**
 * Every point the source note (/work/shared/notes/000_39025a1a101a0067.txt, "4회 차 모각코 정리") makes, in its order.
 * Each must be asked by at least one question (test/quiz/coverage.test.ts); questions list the ids they ask about.
 */
export const notePoints: Record<string, string> = {
  // 1. 데이터 송, 수신 동작의 개요
  'ask-the-stack': '데이터 송수신은 OS 내부의 프로토콜 스택에 의뢰하여 진행한다',
  'socket-library': '의뢰에는 Socket 라이브러리를 사용한다',
  'several-calls': '함수 하나가 아니라 여러 함수를 순서대로 호출한다',
  'socket-doorway': '소켓은 통로(파이프)의 출입구다',
  'connect-before-data': '파이프는 원래 있는 것처럼 보이지만 송수신 전에 연결 동작이 필요하다',
  'four-phases': '소켓 만들기 → 파이프 연결(접속) → 송수신 → 파이프 분리와 소켓 말소',
  'server-socket-first': '소켓은 보통 서버 측에서 (먼저) 만든다',
  'either-side-disconnects': '파이프 분리는 어느 쪽에서 해도 상관없다',
  'server-usually-disconnects': '보통은 서버 측에서 파이프를 분리한다',
  'stack-runs-everything': '위의 모든 과정은 OS 내부의 프로토콜 스택이 실행한다',
  'stage-numbering': '2 작성, 3 접속, 4 송수신, 5 연결 끊기 단계이며 연결 끊기 단계에서 송수신이 끝난다',
  // 1) 소켓 생성
  'socket-call-creates': 'Socket 라이브러리의 socket()을 호출해 소켓을 만든다',
  'control-like-resolver': '리졸버처럼 제어가 socket 내부로 넘어가 소켓을 만들고 애플리케이션으로 돌아온다',
  'socket-returns-descriptor': 'socket() 호출로 디스크립터를 돌려받는다',
  'descriptor-is-tag': '디스크립터는 소켓을 식별하기 위한 번호표다',
  'descriptor-inside-one-computer': '디스크립터는 한 컴퓨터 안에서 쓰이며 포트 번호와 구별된다',
  // 2) 접속
  'connect-asks-stack': 'connect()로 프로토콜 스택에 서버 접속을 의뢰한다',
  'connect-parameters': 'connect()의 파라미터는 디스크립터, 서버의 IP 주소, 포트 번호다',
  'ip-finds-computer': '서버의 IP 주소로 컴퓨터를 찾는다',
  'port-finds-socket': '포트 번호로 그 컴퓨터의 어느 소켓에 접속할지 정한다',
  'descriptor-picks-socket': '디스크립터로 (내 쪽) 소켓을 찾아 접속한다',
  'connected-ready': '접속이 끝나면 데이터 송수신이 가능한 상태가 된다',
  'why-separate': '디스크립터는 애플리케이션이 소켓을 식별하고, IP 주소와 포트는 클라이언트와 서버가 상대의 소켓을 식별한다',
  'peer-never-sees-descriptor': '디스크립터는 의뢰한 애플리케이션에게 주는 것이라 상대는 모르므로 포트 번호로 접근해야 한다',
  'well-known-ports': '서버의 포트 번호는 애플리케이션 종류에 따라 미리 정해져 있다 (웹 80, 메일 25)',
  // 3) 송수신
  'write-sends': 'write()로 데이터를 송신한다',
  'write-parameters': 'write()의 파라미터는 디스크립터, 송신 데이터, 송신 데이터의 길이다',
  'stack-sends-to-server': '프로토콜 스택이 디스크립터가 지정한 소켓을 통해 데이터를 서버로 보낸다',
  'server-processes-replies': '서버는 데이터를 받아 처리한 뒤 응답 메시지를 돌려보낸다',
  'read-receives': 'read()로 데이터를 수신한다',
  'read-parameters': 'read()의 파라미터는 디스크립터와 수신 버퍼다',
  'receive-buffer': '수신 버퍼는 응답 메시지를 받아 저장하는 공간이다',
  // 4) 연결 끊기
  'close-disconnects': 'close()로 연결을 끊는다',
  'close-separates-and-destroys': '연결을 끊으면 파이프가 분리되고 소켓도 말소된다',
  'server-calls-close': '① 웹 서버 측에서 close를 호출해 연결을 끊는다',
  'client-is-told': '② 끊김이 클라이언트에 전달되어 클라이언트 쪽도 끊는다',
  'read-reports-end': '③ 브라우저의 read는 데이터를 다 읽은 뒤 송수신이 끝났다는 사실을 알린다',
  'browser-closes': '④ 브라우저도 close를 호출해 연결 끊기에 들어간다',
  // HTTP
  'http10-repeats': 'HTTP(1.0)는 HTML 문서와 이미지를 따로 다뤄 데이터 하나마다 위 과정을 반복했다',
  'http11-many-on-one': '비효율적이어서 HTTP/1.1부터 연결 하나로 여러 요청과 응답을 주고받는다',
};
