# ko: 접속하기: 127.0.0.1의 포트에 connect()하고, 내 쪽과 상대 쪽 주소를 출력해요.
# en: Connecting: connect() to a port on 127.0.0.1 and print both ends' addresses.
# ko: 쓰는 법: python3 main.py [포트]   (기본 8000; 아무도 기다리지 않는 포트면 ECONNREFUSED)
# en: Usage: python3 main.py [port]   (default 8000; a port nobody listens on gives ECONNREFUSED)
import errno
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    # ko: SYN을 보내고 SYN+ACK를 기다려요. 그동안 이 줄에서 멈춰 있어요
    # en: sends the SYN and waits for the SYN+ACK; the program stays on this line meanwhile
    s.connect(("127.0.0.1", port))
except OSError as e:
    # ko: 그 포트에 리슨 소켓이 없으면 커널이 RST로 답하고, connect()는 ECONNREFUSED로 실패해요
    # en: with no listening socket on that port the kernel answers RST and connect() fails with ECONNREFUSED
    print("connect:", errno.errorcode[e.errno])
    sys.exit(1)
# ko: 내 쪽 포트는 커널이 고른 임시 포트예요 (리눅스: 32768-60999)
# en: our port is an ephemeral port the kernel picked (Linux: 32768-60999)
me = s.getsockname()
peer = s.getpeername()
print("me  ", me[0], me[1])
print("peer", peer[0], peer[1])
s.close()
