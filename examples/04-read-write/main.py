# ko: 요청 보내고 응답 받기: 응답의 앞 10바이트만 먼저 읽고, 나머지는 EOF까지 읽어요.
# en: Send a request, receive the response: read only its first 10 bytes, then the rest until EOF.
# ko: 쓰는 법: python3 main.py [포트]   (기본 8000: 먼저 python3 -m http.server 8000)
# en: Usage: python3 main.py [port]   (default 8000: start python3 -m http.server 8000 first)
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
req = b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
# ko: send()는 보낸 바이트 수를 돌려줘요. 커널의 송신 버퍼에 복사되면 돌아오고, ACK는 기다리지 않아요
# en: send() returns the bytes written: it returns once they are copied to the send buffer, not at the ACK
print("wrote", s.send(req), "bytes")
# ko: 많아야 10바이트: 수신 버퍼에 더 있어도 나머지는 다음 recv()의 몫이에요
# en: at most 10 bytes: whatever else is queued waits for the next recv()
first = s.recv(10)
print(repr(first.decode()))
rest = b""
while True:
    chunk = s.recv(4096)
    # ko: 빈 bytes가 EOF: 서버가 연결을 끊었어요 (HTTP/1.0에서는 이것이 응답의 끝)
    # en: empty bytes is EOF: the server closed (in HTTP/1.0 that marks the end of the response)
    if chunk == b"":
        break
    rest += chunk
print("rest:", len(rest), "bytes")
s.close()
