# ko: 서버 쪽: bind()로 포트에 자리 잡고, listen()으로 기다리고, accept()로 연결마다 새 소켓을 받아요.
# ko: 한 프로그램이 서버와 클라이언트 둘을 모두 맡아요. accept() 전에 두 클라이언트의 connect()가 먼저 끝나요.
# en: The server side: bind() claims a port, listen() waits, accept() hands out a new socket per connection.
# en: One program plays the server and two clients. Both clients' connect() finish before any accept().
# ko: 쓰는 법: python3 main.py [포트]   (기본 8080)
# en: Usage: python3 main.py [port]   (default 8080)
import errno
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080

# ko: bind(): 이 소켓은 127.0.0.1의 이 포트 것이에요 (이 컴퓨터 안에서만 접속할 수 있게)
# en: bind(): this socket owns this port on 127.0.0.1 (reachable from this computer only)
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", port))

# ko: 같은 포트에 두 번째 소켓이 자리 잡으려 하면 EADDRINUSE
# en: a second socket trying to claim the same port gets EADDRINUSE
other = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    other.bind(("127.0.0.1", port))
    print("second bind: ok")
except OSError as e:
    print("second bind:", errno.errorcode[e.errno])
other.close()

# ko: listen(): LISTEN 상태가 돼요. 핸드셰이크는 이제 커널이 맡아요
# en: listen(): the socket is in LISTEN; the kernel now answers handshakes by itself
listener.listen(5)

# ko: 두 클라이언트가 접속해요. 서버는 아직 accept()를 부르지 않았어요
# en: two clients connect; the server has not called accept() yet
clients = []
for name in ("a", "b"):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", port))
    print(name, "connected from port", c.getsockname()[1])
    clients.append(c)

# ko: accept(): 대기열에서 연결을 하나씩 꺼내요. 연결마다 새 소켓(새 디스크립터)이에요
# en: accept(): takes the connections off the queue one by one, each a new socket (a new descriptor)
for _ in clients:
    conn, peer = listener.accept()
    me = conn.getsockname()
    print("accepted %s:%d <- %s:%d" % (me[0], me[1], peer[0], peer[1]))
    conn.close()

# ko: 리스닝 소켓은 데이터를 나르지 않아요: recv()는 ENOTCONN
# en: the listening socket carries no data: recv() gives ENOTCONN
try:
    listener.recv(10)
except OSError as e:
    print("read on the listening socket:", errno.errorcode[e.errno])

for c in clients:
    c.close()
listener.close()
