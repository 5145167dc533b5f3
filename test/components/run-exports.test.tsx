// @vitest-environment jsdom
/**
 * RunExports in jsdom: its buttons by their contract names, disabled with a reason before a run, and each one saving
 * its file (a pcapng section header; a Python script) through a download link; the kernel help says how to run it.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/react';
import RunExports from '../../src/components/RunExports';
import {runInProcess} from '../../src/runner/run';

const CODE = "const fd = socket();\nconnect(fd, resolve('www.example.com'), 80);\nclose(fd);";
const saved: {name: string; blob: Blob}[] = [];

beforeEach(() => {
  saved.length = 0;
  let next: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => ((next = b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({name: this.download, blob: next!});
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('RunExports', () => {
  test('before any run both buttons are disabled and say why', () => {
    render(<RunExports result={null} code="" />);
    for (const name of ['pcapng 내려받기', '내 커널로 확인']) {
      const button = screen.getByRole('button', {name});
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('aria-describedby')).toBeTruthy();
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toMatch(/먼저 프로그램을 실행하세요/);
    }
  });

  test('"pcapng 내려받기" saves a pcapng file (it starts with a Section Header Block)', async () => {
    render(<RunExports result={runInProcess({code: CODE})} code={CODE} />);
    fireEvent.click(screen.getByRole('button', {name: 'pcapng 내려받기'}));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('socketlab-run.pcapng');
    const bytes = new Uint8Array(await saved[0].blob.arrayBuffer());
    expect(new DataView(bytes.buffer).getUint32(0, true)).toBe(0x0a0d0d0a);
    expect(screen.getByRole('status').textContent).toMatch(/Wireshark/);
  });

  test('"내 커널로 확인" saves the Python script and shows how to run it and what it cannot compare', async () => {
    render(<RunExports result={runInProcess({code: CODE})} code={CODE} />);
    fireEvent.click(screen.getByRole('button', {name: '내 커널로 확인'}));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('socketlab-check.py');
    const script = await saved[0].blob.text();
    expect(script.startsWith('#!/usr/bin/env python3')).toBe(true);
    expect(script).toContain("#   connect(fd, resolve('www.example.com'), 80);");
    expect(screen.getByText('python3 socketlab-check.py')).toBeTruthy();
    expect(document.body.textContent).toMatch(/비교하지 못하는 것: 시간/);
  });

  test('a run without socket calls cannot be checked on a kernel, and says so', () => {
    render(<RunExports result={runInProcess({code: 'console.log(1);'})} code="console.log(1);" />);
    const button = screen.getByRole('button', {name: '내 커널로 확인'});
    expect(button).toHaveProperty('disabled', true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toMatch(/소켓 호출이 없어서/);
  });
});
