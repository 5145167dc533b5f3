// ko: 네 단계를 한 번에: 내 컴퓨터의 웹 서버(127.0.0.1)에 HTTP/1.0 요청을 보내고 응답의 첫 줄을 출력해요.
// en: The four phases at once: send an HTTP/1.0 request to a web server on this computer (127.0.0.1)
// en: and print the first line of the response.
// ko: 빌드와 실행: cc main.c -o main && ./main [포트]   (기본 8000)
// en: Build and run: cc main.c -o main && ./main [port]   (default 8000)
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8000;

  // ko: ① 소켓 만들기: 돌려받는 것은 디스크립터(작은 정수)
  // en: (1) create a socket: what comes back is a descriptor (a small integer)
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) { perror("socket"); return 1; }

  // ko: ② 서버의 소켓에 파이프 연결 (SYN, SYN+ACK, ACK)
  // en: (2) connect the pipe to the server's socket (SYN, SYN+ACK, ACK)
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }

  // ko: ③ 요청 보내고, read()가 0(EOF)을 돌려줄 때까지 응답 받기
  // en: (3) send the request, then read the response until read() returns 0 (EOF)
  const char *req = "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  if (write(fd, req, strlen(req)) < 0) { perror("write"); return 1; }
  char reply[65536];
  size_t len = 0;
  ssize_t n;
  while ((n = read(fd, reply + len, sizeof reply - 1 - len)) > 0) len += n;
  if (n < 0) { perror("read"); return 1; }
  reply[len] = '\0';
  char *eol = strstr(reply, "\r\n");
  if (eol) *eol = '\0';
  printf("%s\n", reply);

  // ko: ④ 파이프 분리, 소켓 말소
  // en: (4) take the pipe down and dispose of the socket
  close(fd);
  return 0;
}
