/**
 * "내 커널로 확인" / "Check on my kernel": a finished run as one self-contained Python 3 script (standard library only)
 * that makes the same socket calls on the reader's machine over 127.0.0.1 and prints, call by call, the simulator's
 * result beside the kernel's. Pure: builds text.
 *
 * Choices (ARCHITECTURE.md, "pcapng / kernel check"):
 * - One process per simulated host (the script starts itself again with `--host NAME`): each gets a descriptor
 *   table of its own, so descriptor numbers (3, 4, …) compare as they do between simulated hosts; threads would
 *   share one table. The parent sends each call when the trace started it and waits for its result where the trace
 *   has it, so the calls of all hosts run in the simulator's order.
 * - Every simulated address becomes 127.0.0.1 (macOS and Windows have only that one loopback address); ports the
 *   program binds stay as they are.
 * - Built-in servers (www.example.com, echo, mail) are played by stand-ins on ports the kernel picks: each connection
 *   repeats what the simulated server did on it in this run (after receiving as many bytes, send the same bytes,
 *   close the same way). They are not the real servers: only the reader's calls are compared.
 * - A read that returned n bytes is repeated until the kernel has given n bytes: the kernel may cut the same bytes
 *   into other pieces, so the bytes are compared, not where they were cut. An address's port is compared only when
 *   the program bound it (an ephemeral port is the kernel's choice); EAGAIN/EINPROGRESS and poll() depend on
 *   timing and are shown, not counted.
 */
import type {RunResult} from '../runner/types';
import {KERNEL_CHECK_RUNNER} from './kernelCheckRunner';
import {kernelPlan} from './kernelPlan';

export type ScriptLocale = 'ko' | 'en';

/** The file name the page saves it under, and the command it shows. */
export const KERNEL_SCRIPT_NAME = 'socketlab-check.py';

/** What the script prints, in the reader's language (Python %-formats where marked). */
const WORDS: Record<ScriptLocale, Record<string, string>> = {
  ko: {
    os: '실행한 운영체제:',
    not_linux: '주의: 시뮬레이터는 리눅스를 따릅니다. macOS나 Windows에서는 다르게 나오는 것 중 많은 부분이 실제 차이입니다.',
    standin: '%s 대신 127.0.0.1:%d 의 대역 서버가 이번 실행에서 서버가 한 대로 답합니다.',
    bytes: '바이트',
    waiting: '(계속 기다림)',
    ready: '(연결이 이미 와 있음: 순서를 지키려고 받지는 않음)',
    peeked: '이미 와 있던 %s (순서를 지키려고 엿보기만 함)',
    skip_outside: '비교 안 함: 어떤 시뮬레이션 호스트의 주소도 아니어서 내 네트워크로 보내지 않았어요',
    skip_poll: '비교 안 함: 이 파이썬에는 select.poll 이 없어요',
    skip_unknown: '비교 안 함: 이 스크립트가 모르는 호출이에요',
    timing: '비교 안 함: 시점에 따라 달라지는 결과',
    long_wait: '비교 안 함: 시뮬레이터에서는 가상 시간으로 %.0f초 걸린 결과인데, 스크립트는 그만큼 기다리지 않아요',
    handles: 'Windows 의 소켓 핸들은 디스크립터 번호가 아니어서 번호는 비교 안 함',
    ephemeral: '임시 포트 번호는 커널이 고르므로 비교 안 함',
    not_run: '실행 안 함: 이 호스트의 앞선 호출이 커널에서 아직 기다리는 중',
    line: '%d번 줄',
    sim: '시뮬레이터',
    kernel: '커널',
    time_wait: '(방금 이 스크립트를 실행했다면 그때의 TIME-WAIT 가 포트를 잡고 있을 수 있어요. 1분 뒤에 다시 해 보세요.)',
    sim_waits: '시뮬레이터에서 끝나지 않은 호출 (실행이 여기서 멈춤)',
    summary: '호출 %d개: 같음 %d, 다름 %d, 비교 안 함 %d',
  },
  en: {
    os: 'Ran on:',
    not_linux: 'Note: the simulator follows Linux. On macOS or Windows many of the differences below are real.',
    standin: '%s is played by a stand-in on 127.0.0.1:%d, answering as the simulated server did in this run.',
    bytes: 'bytes',
    waiting: '(still waiting)',
    ready: '(a connection was already waiting: not taken, to stay in step)',
    peeked: '%s already there (only peeked, to stay in step)',
    skip_outside: 'not compared: the address belongs to no simulated host, so nothing was sent to your network',
    skip_poll: 'not compared: this Python has no select.poll',
    skip_unknown: 'not compared: a call this script does not know',
    timing: 'not compared: the result depends on timing',
    long_wait: 'not compared: the simulator took %.0f s of virtual time for this result; the script does not wait that long',
    handles: 'Windows socket handles are not descriptor numbers: the number is not compared',
    ephemeral: 'the ephemeral port is the kernel\'s choice: not compared',
    not_run: 'not run: an earlier call of this host is still waiting in the kernel',
    line: 'line %d',
    sim: 'simulator',
    kernel: 'kernel',
    time_wait: '(if you ran this script a moment ago, its TIME-WAIT may still hold the port: try again in a minute)',
    sim_waits: 'never returned in the simulator (the run stopped here)',
    summary: '%d calls: %d the same, %d different, %d not compared',
  },
};

/** The header comment: what the script does and what it cannot compare, in the reader's language. */
function header(locale: ScriptLocale): string[] {
  if (locale === 'ko') {
    return [
      'Socket Lab: 시뮬레이터에서 실행한 프로그램을 내 컴퓨터의 커널로 다시 해 봅니다.',
      `실행: python3 ${KERNEL_SCRIPT_NAME}   (파이썬 3.7 이상, 표준 라이브러리만 씁니다)`,
      '',
      '하는 일: 이번 실행의 소켓 호출을 같은 인자, 같은 순서로 127.0.0.1 에서 실제로 호출하고,',
      '호출마다 시뮬레이터의 결과와 커널의 결과를 나란히 보여 주며 다른 곳에 !! 를 붙입니다.',
      '시뮬레이션 호스트마다 프로세스 하나 (디스크립터 번호를 호스트마다 따로 매기려고).',
      '시뮬레이션 주소는 모두 127.0.0.1 이 되고, 프로그램이 bind 한 포트는 그대로 씁니다.',
      'www.example.com 같은 내장 서버는 여기서 돌 수 없어서, 이번 실행에서 서버가 한 일을 그대로 되풀이하는',
      '대역 서버가 커널이 고른 포트에서 대신 답합니다 (비교하는 것은 여러분의 호출뿐).',
      '',
      '비교할 수 없는 것: 시간 (타이머, 지연), 커널이 고르는 임시 포트 번호, 초기 순서 번호(ISN),',
      '세그먼트 경계. 그래서 read 는 바이트로 비교합니다: 시뮬레이터의 read 가 n 바이트를 돌려줬으면',
      '커널에서 n 바이트가 모일 때까지 읽어서 내용을 비교하고, EOF 는 EOF 끼리 비교합니다.',
      'EAGAIN/EINPROGRESS 와 poll() 결과는 시점에 따라 달라서 보여 주기만 합니다.',
      '리눅스에서는 1024 미만 포트를 bind 하려면 권한이 필요해서 EACCES 가 날 수 있습니다 (실제 차이).',
      'macOS 나 Windows 에서는 리눅스와 다른 점이 많아서, 다르게 나오는 것 중 상당수가 실제 차이입니다.',
    ];
  }
  return [
    'Socket Lab: the program you ran in the simulator, again on your own kernel.',
    `Run: python3 ${KERNEL_SCRIPT_NAME}   (Python 3.7 or later, standard library only)`,
    '',
    "What it does: makes this run's socket calls, with the same arguments and in the same order, for real on",
    "127.0.0.1, and prints each call's result from the simulator beside the kernel's, marking differences with !!.",
    'One process per simulated host (so each host numbers its descriptors on its own).',
    'Every simulated address becomes 127.0.0.1; ports your program binds are kept.',
    'Built-in servers such as www.example.com cannot run here: a stand-in on a port the kernel picks answers',
    'instead, repeating what the simulated server did in this run (only your calls are compared).',
    '',
    'What cannot be compared: time (timers, delays), ephemeral port numbers (the kernel picks them), initial',
    'sequence numbers, segment boundaries. So reads are compared by their bytes: when the simulator\'s read',
    'returned n bytes, the script reads until the kernel has given n bytes and compares them; EOF with EOF.',
    'EAGAIN/EINPROGRESS and poll() results depend on timing: shown, not counted.',
    'On Linux, binding a port below 1024 needs privileges: EACCES there is a real difference.',
    'On macOS or Windows many things differ from Linux: many differences there are real.',
  ];
}

/** The run's calls as a Python 3 script that performs them on the reader's kernel. */
export function toKernelScript(result: RunResult, code: string, locale: ScriptLocale): string {
  const plan = {...kernelPlan(result), words: WORDS[locale]};
  const program = code.replace(/\r\n?/g, '\n').split('\n').map((l) => `#   ${l}`.trimEnd());
  const title = locale === 'ko' ? '시뮬레이터에서 실행한 프로그램:' : 'The program the simulator ran:';
  return [
    '#!/usr/bin/env python3',
    '# -*- coding: utf-8 -*-',
    ...header(locale).map((l) => `# ${l}`.trimEnd()),
    '#',
    `# ${title}`,
    ...program,
    '',
    'import json',
    // a JSON text inside a Python string literal: JSON's escapes are all valid in Python strings
    `PLAN = json.loads(${JSON.stringify(JSON.stringify(plan))})`,
    '',
    KERNEL_CHECK_RUNNER,
  ].join('\n');
}
