# ko: 네 단계를 한 번에: 내 컴퓨터의 웹 서버(127.0.0.1)에 HTTP/1.0 요청을 보내고 응답의 첫 줄을 출력해요.
# en: The four phases at once: send an HTTP/1.0 request to a web server on this computer (127.0.0.1)
# en: and print the first line of the response.
# ko: 쓰는 법: python3 main.py [포트]   (기본 8000)
# en: Usage: python3 main.py [port]   (default 8000)
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000

# ko: ① 소켓 만들기
# en: (1) create a socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ko: ② 서버의 소켓에 파이프 연결 (SYN, SYN+ACK, ACK)
# en: (2) connect the pipe to the server's socket (SYN, SYN+ACK, ACK)
s.connect(("127.0.0.1", port))
# ko: ③ 요청 보내고, 서버가 끊을 때(EOF, 빈 bytes)까지 응답 받기
# en: (3) send the request, then read the response until the server closes (EOF: empty bytes)
s.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
reply = b""
while True:
    chunk = s.recv(4096)
    if chunk == b"":
        break
    reply += chunk
print(reply.split(b"\r\n")[0].decode())
# ko: ④ 파이프 분리, 소켓 말소
# en: (4) take the pipe down and dispose of the socket
s.close()
