// ko: HTTP/1.1 지속 연결: 연결 하나로 요청 두 개를 차례로 보내고, 응답마다 Content-Length만큼 읽어요.
// en: An HTTP/1.1 persistent connection: two requests in turn on one connection, each response read
// en: up to its Content-Length.
// ko: 빌드와 실행: cc main.c -o main && ./main [포트] [경로...]   (기본 8000, /index.html /hello.txt)
// en: Build and run: cc main.c -o main && ./main [port] [path...]   (default 8000, /index.html /hello.txt)
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[1 << 20];
static size_t have = 0;

// ko: 받은 바이트를 buf 끝에 더 붙여요
// en: append more received bytes to buf
static void more(int fd) {
  ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
  if (n <= 0) { fprintf(stderr, "the server closed the connection in the middle of a response\n"); exit(1); }
  have += n;
  buf[have] = '\0';
}

// ko: 헤더 부분(head, 길이 len)에서 Content-Length 값을 찾아요 (헤더 이름은 대소문자를 가리지 않아요)
// en: find Content-Length in the header block (head, len bytes); header names ignore letter case
static long content_length(const char *head, size_t len) {
  const char *name = "content-length:";
  for (size_t i = 0; i + 15 <= len; i++) {
    if ((i == 0 || head[i - 1] == '\n')) {
      size_t k = 0;
      while (k < 15 && tolower((unsigned char)head[i + k]) == name[k]) k++;
      if (k == 15) return atol(head + i + 15);
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8000;
  const char *defaults[] = {"/index.html", "/hello.txt"};
  const char **paths = argc > 2 ? (const char **)argv + 2 : defaults;
  int count = argc > 2 ? argc - 2 : 2;

  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); return 1; }

  for (int i = 0; i < count; i++) {
    // ko: HTTP/1.1에는 Host 헤더가 꼭 있어야 해요 (없으면 서버는 400으로 답해요: RFC 9112 3.2절)
    // en: HTTP/1.1 requires a Host header (without it the server answers 400: RFC 9112 section 3.2)
    char req[1024];
    int len = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", paths[i], port);
    if (write(fd, req, len) < 0) { perror("write"); return 1; }

    // ko: 헤더의 끝(빈 줄)까지 받고, Content-Length만큼 본문을 받아요. EOF를 기다리면 영영 멈춰요
    // en: read up to the end of the headers (the empty line), then Content-Length bytes of body;
    // en: waiting for EOF would wait forever
    char *blank;
    while ((blank = strstr(buf, "\r\n\r\n")) == NULL) more(fd);
    size_t end = blank - buf + 4;
    long length = content_length(buf, end);
    while (have < end + length) more(fd);

    struct sockaddr_in me;
    socklen_t mlen = sizeof me;
    getsockname(fd, (struct sockaddr *)&me, &mlen);
    // ko: 두 줄의 내 포트가 같으면 같은 연결이에요
    // en: the same local port on both lines means the same connection
    printf("%s -> %.*s | body %ld bytes | my port %d\n", paths[i], (int)(strstr(buf, "\r\n") - buf), buf, length,
           ntohs(me.sin_port));

    // ko: 다음 응답의 앞부분이 이미 와 있을 수 있으니 남은 바이트는 앞으로 당겨 둬요
    // en: the start of the next response may already be here: keep the leftover bytes
    memmove(buf, buf + end + length, have - end - length);
    have -= end + length;
    buf[have] = '\0';
  }
  close(fd);
  return 0;
}
