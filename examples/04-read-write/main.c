// ko: 요청 보내고 응답 받기: 응답의 앞 10바이트만 먼저 읽고, 나머지는 EOF까지 읽어요.
// en: Send a request, receive the response: read only its first 10 bytes, then the rest until EOF.
// ko: 빌드와 실행: cc main.c -o main && ./main [포트]   (기본 8000: 먼저 python3 -m http.server 8000)
// en: Build and run: cc main.c -o main && ./main [port]   (default 8000: start python3 -m http.server 8000 first)
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8000;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }

  const char *req = "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  // ko: write()는 쓴 바이트 수를 돌려줘요. 커널의 송신 버퍼에 복사되면 돌아오고, ACK는 기다리지 않아요
  // en: write() returns the bytes written: it returns once they are copied to the send buffer, not at the ACK
  printf("wrote %zd bytes\n", write(fd, req, strlen(req)));

  // ko: 많아야 10바이트: 수신 버퍼에 더 있어도 나머지는 다음 read()의 몫이에요
  // en: at most 10 bytes: whatever else is queued waits for the next read()
  char first[11];
  ssize_t n = read(fd, first, 10);
  if (n < 0) { perror("read"); return 1; }
  first[n] = '\0';
  printf("'%s'\n", first);

  char buf[4096];
  long rest = 0;
  // ko: read()가 0을 돌려주면 EOF: 서버가 연결을 끊었어요 (HTTP/1.0에서는 이것이 응답의 끝)
  // en: read() returning 0 is EOF: the server closed (in HTTP/1.0 that marks the end of the response)
  while ((n = read(fd, buf, sizeof buf)) > 0) rest += n;
  printf("rest: %ld bytes\n", rest);
  close(fd);
  return 0;
}
