/**
 * The 1 MB transfer the benchmarks time (scripts/bench.ts in Node, scripts/bench-browser.mts in a runnable block):
 * client sends 16 × 64 KB to a server that reads all of it, then both close. About a thousand segments and a few
 * thousand trace events: the long run the timeline and the inspectors must stay quick on.
 */
export const TRANSFER_1MB = `let lfd = 0, conn = 0, got = 0;
on('server', () => { lfd = socket(); bind(lfd, INADDR_ANY, 9000); listen(lfd, 5); });
const fd = socket();
connect(fd, '10.0.0.3', 9000);
on('server', () => { conn = accept(lfd); });
const chunk = 'x'.repeat(65536);
for (let i = 1; i <= 16; i++) {
  write(fd, chunk);
  on('server', () => { while (got < i * 65536) got += read(conn, 65536).length; });
}
close(fd);
on('server', () => { read(conn, 10); close(conn); });
console.log('received', got, 'bytes');`;
