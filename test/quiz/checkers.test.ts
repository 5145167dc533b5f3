/**
 * Code challenges against the simulator: each reference solution passes its checker, and the starter code and at
 * least one plausible wrong program fail it (with a requirement marked unmet), so a checker can neither reject the
 * right answer nor wave a wrong one through.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {quizzes} from '../../src/quiz/data';
import {runChecker} from '../../src/quiz/checkers';
import type {CodeChallengeQuestion} from '../../src/quiz/types';
import {listenAndConnect} from '../../src/quiz/data/snippets';

const challenges = quizzes.flatMap((quiz) => quiz.questions).filter((q): q is CodeChallengeQuestion => q.kind === 'code');

/** the chapters' listen-and-connect preamble, ending in a newline so a program can follow */
const serverListens = `${listenAndConnect}
`;

/** Wrong answers a reader might plausibly give, per challenge id, with why they are wrong. */
const wrongPrograms: Record<string, Array<[string, string]>> = {
  'overview-all-phases-code': [
    [
      'never disconnects',
      `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
write(fd, 'GET /index.html HTTP/1.0\\r\\n\\r\\n');
console.log(read(fd, 4096));`,
    ],
    ['writes without connecting', `const fd = socket();\nwrite(fd, 'GET / HTTP/1.0\\r\\n\\r\\n');\nclose(fd);`],
    [
      'reads once: a response may need several reads (chapter 4 reads until EOF)',
      `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
write(fd, 'GET /index.html HTTP/1.0\\r\\n\\r\\n');
console.log(read(fd, 4096));
close(fd);`,
    ],
  ],
  'socket-three-twice-code': [
    ['closes the second socket instead of the first', `const a = socket();\nconst b = socket();\nclose(b);\nconsole.log(a, b);`],
  ],
  'connect-refused-code': [
    ['connects where a server listens', serverListens + `close(fd);`],
    ['refuses nothing: only creates a socket', `const fd = socket();\nclose(fd);`],
  ],
  'rw-echo-code': [
    ['reads without writing: waits forever', `const ip = resolve('echo.example.com');\nconst fd = socket();\nconnect(fd, ip, 7);\nconsole.log(read(fd, 100));`],
    ['writes but never reads', `const ip = resolve('echo.example.com');\nconst fd = socket();\nconnect(fd, ip, 7);\nwrite(fd, 'hello');\nconsole.log('hello');\nclose(fd);`],
  ],
  'close-client-time-wait-code': [
    ['the server still closes first', serverListens + `on('server', () => close(conn));\nread(fd, 100);\nclose(fd);`],
  ],
  'http-one-connection-code': [
    [
      'HTTP/1.1 read until EOF: waits forever for a close that never comes',
      `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
write(fd, 'GET /index.html HTTP/1.1\\r\\nHost: www.example.com\\r\\n\\r\\n');
while (read(fd, 4096) !== '') {}
close(fd);`,
    ],
    [
      'one connection but only one file',
      `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
write(fd, 'GET /index.html HTTP/1.0\\r\\n\\r\\n');
while (read(fd, 4096) !== '') {}
close(fd);`,
    ],
  ],
};

describe('every code challenge', () => {
  it('has wrong programs to prove its checker refuses them', () => {
    expect(challenges.map((q) => q.id).filter((id) => !wrongPrograms[id]?.length)).toEqual([]);
  });

  describe.each(challenges.map((q) => [q.id, q] as const))('%s', (_id, q) => {
    it('the reference solution passes', () => {
      const result = runInProcess({code: q.solution, world: q.world});

      const check = runChecker(q.checker, result);

      expect(check.requirements.filter((r) => !r.met).map((r) => r.text.en), result.error?.message).toEqual([]);
      expect(check.pass).toBe(true);
    });

    it('the starter code does not pass yet', () => {
      const check = runChecker(q.checker, runInProcess({code: q.starter, world: q.world}));
      expect(check.pass).toBe(false);
    });

    it.each(wrongPrograms[q.id] ?? [])('a wrong program fails: %s', (_why, code) => {
      const check = runChecker(q.checker, runInProcess({code, world: q.world}));

      expect(check.pass).toBe(false);
      expect(check.requirements.some((r) => !r.met)).toBe(true);
    });
  });
});
