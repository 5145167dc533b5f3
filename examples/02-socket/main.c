// ko: 디스크립터 번호표: 소켓 두 개를 만들고, 하나를 닫은 뒤 다시 만들어요. 네트워크는 쓰지 않아요.
// en: Descriptors are numbered tags: create two sockets, close one, create another. No network involved.
// ko: 빌드와 실행: cc main.c -o main && ./main
// en: Build and run: cc main.c -o main && ./main
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int a = socket(AF_INET, SOCK_STREAM, 0);
  int b = socket(AF_INET, SOCK_STREAM, 0);
  // ko: 0, 1, 2는 표준 입출력이 쓰고 있어서 보통 3과 4를 받아요
  // en: 0, 1, 2 are stdin, stdout and stderr, so these are usually 3 and 4
  printf("a = %d b = %d\n", a, b);
  close(a);
  // ko: 비어 있는 가장 작은 번호를 다시 받아요 (POSIX가 정한 규칙)
  // en: the lowest free number is handed out again (a POSIX rule)
  int c = socket(AF_INET, SOCK_STREAM, 0);
  printf("c = %d\n", c);
  // ko: 프로그램이 끝나기 전에 ls -l /proc/<pid>/fd 로 표를 볼 수 있게 잠깐 멈춰도 좋아요: sleep(30);
  // en: to look at the table with ls -l /proc/<pid>/fd, pause here for a while: sleep(30);
  close(b);
  close(c);
  return 0;
}
