# ko: HTTP/1.1 지속 연결: 연결 하나로 요청 두 개를 차례로 보내고, 응답마다 Content-Length만큼 읽어요.
# en: An HTTP/1.1 persistent connection: two requests in turn on one connection, each response read
# en: up to its Content-Length.
# ko: 쓰는 법: python3 main.py [포트] [경로...]   (기본 8000, /index.html /hello.txt)
# en: Usage: python3 main.py [port] [path...]   (default 8000, /index.html /hello.txt)
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
paths = sys.argv[2:] or ["/index.html", "/hello.txt"]

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
buf = b""


def more():
    global buf
    chunk = s.recv(4096)
    if chunk == b"":
        raise SystemExit("the server closed the connection in the middle of a response")
    buf += chunk


for path in paths:
    # ko: HTTP/1.1에는 Host 헤더가 꼭 있어야 해요 (없으면 서버는 400으로 답해요: RFC 9112 3.2절)
    # en: HTTP/1.1 requires a Host header (without it the server answers 400: RFC 9112 section 3.2)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    # ko: 헤더의 끝(빈 줄)까지 받고, Content-Length만큼 본문을 받아요. EOF를 기다리면 영영 멈춰요
    # en: read up to the end of the headers (the empty line), then Content-Length bytes of body;
    # en: waiting for EOF would wait forever
    while b"\r\n\r\n" not in buf:
        more()
    end = buf.index(b"\r\n\r\n") + 4
    length = 0
    for line in buf[:end].decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    while len(buf) < end + length:
        more()
    status = buf[: buf.index(b"\r\n")].decode("latin-1")
    # ko: 두 줄의 내 포트가 같으면 같은 연결이에요
    # en: the same local port on both lines means the same connection
    print(path, "->", status, "| body", length, "bytes | my port", s.getsockname()[1])
    buf = buf[end + length :]
s.close()
