# ko: 디스크립터 번호표: 소켓 두 개를 만들고, 하나를 닫은 뒤 다시 만들어요. 네트워크는 쓰지 않아요.
# en: Descriptors are numbered tags: create two sockets, close one, create another. No network involved.
# ko: 쓰는 법: python3 main.py
# en: Usage: python3 main.py
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
b = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ko: fileno()가 커널이 준 디스크립터 번호예요 (0, 1, 2는 표준 입출력이 쓰고 있어서 보통 3, 4)
# en: fileno() is the descriptor number the kernel handed out (0, 1, 2 are stdin/stdout/stderr: usually 3, 4)
print("a =", a.fileno(), "b =", b.fileno())
a.close()
# ko: 비어 있는 가장 작은 번호를 다시 받아요
# en: the lowest free number is handed out again
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("c =", c.fileno())
b.close()
c.close()
