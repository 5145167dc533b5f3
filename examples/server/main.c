// ko: 서버 쪽: bind()로 포트에 자리 잡고, listen()으로 기다리고, accept()로 연결마다 새 소켓을 받아요.
// ko: 한 프로그램이 서버와 클라이언트 둘을 모두 맡아요. accept() 전에 두 클라이언트의 connect()가 먼저 끝나요.
// en: The server side: bind() claims a port, listen() waits, accept() hands out a new socket per connection.
// en: One program plays the server and two clients. Both clients' connect() finish before any accept().
// ko: 빌드와 실행: cc main.c -o main && ./main [포트]   (기본 8080)
// en: Build and run: cc main.c -o main && ./main [port]   (default 8080)
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *errname(int e) {
  return e == EADDRINUSE ? "EADDRINUSE" : e == ENOTCONN ? "ENOTCONN" : strerror(e);
}

static int port_of(int fd, int peer) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  if (peer) getpeername(fd, (struct sockaddr *)&a, &len);
  else getsockname(fd, (struct sockaddr *)&a, &len);
  return ntohs(a.sin_port);
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8080;
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);

  // ko: bind(): 이 소켓은 127.0.0.1의 이 포트 것이에요 (이 컴퓨터 안에서만 접속할 수 있게)
  // en: bind(): this socket owns this port on 127.0.0.1 (reachable from this computer only)
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }

  // ko: 같은 포트에 두 번째 소켓이 자리 잡으려 하면 EADDRINUSE
  // en: a second socket trying to claim the same port gets EADDRINUSE
  int other = socket(AF_INET, SOCK_STREAM, 0);
  if (bind(other, (struct sockaddr *)&addr, sizeof addr) == 0) printf("second bind: ok\n");
  else printf("second bind: %s\n", errname(errno));
  close(other);

  // ko: listen(): LISTEN 상태가 돼요. 핸드셰이크는 이제 커널이 맡아요
  // en: listen(): the socket is in LISTEN; the kernel now answers handshakes by itself
  listen(listener, 5);

  // ko: 두 클라이언트가 접속해요. 서버는 아직 accept()를 부르지 않았어요
  // en: two clients connect; the server has not called accept() yet
  int clients[2];
  const char *names[2] = {"a", "b"};
  for (int i = 0; i < 2; i++) {
    clients[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(clients[i], (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }
    printf("%s connected from port %d\n", names[i], port_of(clients[i], 0));
  }

  // ko: accept(): 대기열에서 연결을 하나씩 꺼내요. 연결마다 새 소켓(새 디스크립터)이에요
  // en: accept(): takes the connections off the queue one by one, each a new socket (a new descriptor)
  for (int i = 0; i < 2; i++) {
    int conn = accept(listener, NULL, NULL);
    printf("accepted 127.0.0.1:%d <- 127.0.0.1:%d\n", port_of(conn, 0), port_of(conn, 1));
    close(conn);
  }

  // ko: 리스닝 소켓은 데이터를 나르지 않아요: read()는 ENOTCONN
  // en: the listening socket carries no data: read() gives ENOTCONN
  char buf[10];
  if (read(listener, buf, sizeof buf) < 0) printf("read on the listening socket: %s\n", errname(errno));

  for (int i = 0; i < 2; i++) close(clients[i]);
  close(listener);
  return 0;
}
