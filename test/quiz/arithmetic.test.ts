/**
 * Round-trip arithmetic questions against the simulator: the answer the quiz accepts is what the HTTP lab's own
 * program measures for the same page and round-trip time (and what the protocol gives: 2 RTT per HTTP/1.0
 * resource, see test/lab/programs.test.ts).
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {labMetrics} from '../../src/lab/metrics';
import {labRequest} from '../../src/lab/request';
import {quizzes} from '../../src/quiz/data';
import {gradeAnswer} from '../../src/quiz/grading';

const question = quizzes.flatMap((q) => q.questions).find((q) => q.id === 'http-10-round-trips-ms')!;

describe('http-10-round-trips-ms: HTML + 3 images, RTT 40 ms, HTTP/1.0 one after another', () => {
  it('the accepted answer is the time the simulator measures', () => {
    const result = runInProcess(labRequest('http10-sequential', 3, 40));
    expect(result.status).toBe('ok');
    const measured = labMetrics(result.trace).totalMs;
    expect(gradeAnswer(question, String(measured))).toBe(true);
  });

  it('the persistent figure the explanation gives (200 ms) is measured too, and is not accepted', () => {
    const measured = labMetrics(runInProcess(labRequest('http11-persistent', 3, 40)).trace).totalMs;
    expect(question.explanation.en).toContain(`${measured} ms`);
    expect(gradeAnswer(question, String(measured))).toBe(false);
  });
});
