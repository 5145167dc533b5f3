// ko: 연결 끊기와 TIME-WAIT: 한 프로그램이 서버와 클라이언트를 모두 맡아요. 서버 쪽이 먼저 close()하고,
// ko: 클라이언트는 EOF를 읽은 뒤 close()해요. 먼저 끊은 서버 쪽 연결이 TIME-WAIT로 포트를 잡고 있어요.
// en: Closing and TIME-WAIT: one program plays both server and client. The server side closes first; the
// en: client reads EOF, then closes. The server side, which closed first, keeps the port in TIME-WAIT.
// ko: 빌드와 실행: cc main.c -o main && ./main [포트]   (기본 8080)
// en: Build and run: cc main.c -o main && ./main [port]   (default 8080)
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8080;
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  int one = 1;

  // ko: 서버: 리슨 소켓 (SO_REUSEADDR: 프로그램을 곧바로 다시 실행할 수 있게)
  // en: server: the listening socket (SO_REUSEADDR, so the program can run again right away)
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
  listen(listener, 5);

  int client = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(client, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }
  int conn = accept(listener, NULL, NULL);

  // ko: ① 서버가 먼저 끊어요: FIN
  // en: (1) the server closes first: FIN
  close(conn);
  // ko: ② FIN이 도착해 있으니 read()는 0(EOF)을 돌려줘요
  // en: (2) the FIN has arrived, so read() returns 0 (EOF)
  char buf[100];
  printf("client read: %zd bytes\n", read(client, buf, sizeof buf));
  // ko: ③ 클라이언트도 끊어요: FIN. 서버 쪽은 그 ACK를 보내고 TIME-WAIT로 들어가요
  // en: (3) the client closes too: FIN. The server side ACKs it and enters TIME-WAIT
  close(client);
  close(listener);
  usleep(200 * 1000);  // ko: 마지막 ACK가 오갈 시간 / en: time for the last ACK

  // ko: 같은 포트에 다시 bind(): TIME-WAIT 연결이 아직 포트를 잡고 있어요
  // en: bind() the same port again: the TIME-WAIT connection still holds it
  for (int reuse = 0; reuse <= 1; reuse++) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
    int r = bind(s, (struct sockaddr *)&addr, sizeof addr);
    printf("bind again, SO_REUSEADDR = %d -> %s\n", reuse,
           r == 0 ? "ok" : errno == EADDRINUSE ? "EADDRINUSE" : strerror(errno));
    close(s);
  }
  return 0;
}
