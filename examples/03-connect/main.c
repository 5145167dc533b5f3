// ko: 접속하기: 127.0.0.1의 포트에 connect()하고, 내 쪽과 상대 쪽 주소를 출력해요.
// en: Connecting: connect() to a port on 127.0.0.1 and print both ends' addresses.
// ko: 빌드와 실행: cc main.c -o main && ./main [포트]   (기본 8000; 아무도 기다리지 않는 포트면 ECONNREFUSED)
// en: Build and run: cc main.c -o main && ./main [port]   (default 8000; a port nobody listens on gives ECONNREFUSED)
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void show(const char *label, struct sockaddr_in *a) {
  char ip[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &a->sin_addr, ip, sizeof ip);
  printf("%s %s %d\n", label, ip, ntohs(a->sin_port));
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8000;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);

  // ko: SYN을 보내고 SYN+ACK를 기다려요. 그동안 이 줄에서 멈춰 있어요
  // en: sends the SYN and waits for the SYN+ACK; the program stays on this line meanwhile
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
    // ko: 그 포트에 리슨 소켓이 없으면 커널이 RST로 답하고, connect()는 ECONNREFUSED로 실패해요
    // en: with no listening socket on that port the kernel answers RST and connect() fails with ECONNREFUSED
    printf("connect: %s\n", errno == ECONNREFUSED ? "ECONNREFUSED" : strerror(errno));
    return 1;
  }
  // ko: 내 쪽 포트는 커널이 고른 임시 포트예요 (리눅스: 32768-60999)
  // en: our port is an ephemeral port the kernel picked (Linux: 32768-60999)
  struct sockaddr_in me, peer;
  socklen_t len = sizeof me;
  getsockname(fd, (struct sockaddr *)&me, &len);
  len = sizeof peer;
  getpeername(fd, (struct sockaddr *)&peer, &len);
  show("me  ", &me);
  show("peer", &peer);
  close(fd);
  return 0;
}
