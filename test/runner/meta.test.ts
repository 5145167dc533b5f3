/** The run-block meta parser shared by the CodeBlock swizzle and the content test (ARCHITECTURE.md "Runnable blocks"). */
import {describe, expect, it} from 'vitest';
import {expectedOutcome, parseRunMeta} from '../../src/runner/meta';

describe('parseRunMeta', () => {
  it('a bare `run` is runnable and expects ok by default', () => {
    expect(parseRunMeta('run')).toEqual({run: true});
    expect(expectedOutcome(parseRunMeta('run').expect)).toEqual({status: 'ok'});
  });

  it('reads expect and a quoted title in any order', () => {
    expect(parseRunMeta('run expect=ECONNREFUSED title="연결 거부 (refused)"')).toEqual({
      run: true,
      expect: 'ECONNREFUSED',
      title: '연결 거부 (refused)',
    });
    expect(parseRunMeta(`run title='a "b"' expect=blocked`)).toEqual({run: true, title: 'a "b"', expect: 'blocked'});
    expect(parseRunMeta('run title="say \\"hi\\""')).toEqual({run: true, title: 'say "hi"'});
  });

  it('only a meta that starts with the word run is runnable', () => {
    expect(parseRunMeta('title="x" run')).toEqual({run: false});
    expect(parseRunMeta('runner')).toEqual({run: false});
    expect(parseRunMeta('')).toEqual({run: false});
    expect(parseRunMeta(undefined)).toEqual({run: false});
    expect(parseRunMeta('  run  ')).toEqual({run: true});
  });

  it('expect maps to a status and, for an errno name, that errno', () => {
    expect(expectedOutcome('ok')).toEqual({status: 'ok'});
    expect(expectedOutcome('blocked')).toEqual({status: 'blocked'});
    expect(expectedOutcome('error')).toEqual({status: 'error'});
    expect(expectedOutcome('EPIPE')).toEqual({status: 'error', errno: 'EPIPE'});
  });
});
