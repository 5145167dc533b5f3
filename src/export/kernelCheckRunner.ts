/**
 * The Python 3 program inside every kernel check script (kernelCheck.ts puts PLAN and its words before it): the
 * parent replays the plan, one child process per simulated host makes that host's calls, stand-ins answer for the
 * built-in servers. Standard library only; runs on Linux, macOS and Windows (where fewer things compare).
 * Kept as Python source text: the page never runs it.
 */
export const KERNEL_CHECK_RUNNER = String.raw`import errno
import json
import os
import platform
import queue
import select
import socket
import struct
import subprocess
import sys
import threading
import time

W = PLAN['words']
# how long the script waits for a call the simulator completed, and for one the simulator left waiting forever.
# 10 s, not 5: on a loaded 2-core machine a host's process was once starved past 5 s, and a read that had its data
# was reported as blocking in the kernel (docs/server.mdx in CI). A call that really blocks costs 5 s more to report.
WAIT_DONE = 10.0
WAIT_BLOCKED = 0.5
O_NONBLOCK = 0o4000  # the simulator's (Linux's) SOCK_NONBLOCK / O_NONBLOCK bit
SO_OPTS = {'SO_REUSEADDR': (socket.SOL_SOCKET, socket.SO_REUSEADDR), 'TCP_NODELAY': (socket.IPPROTO_TCP, socket.TCP_NODELAY)}
TIMING = ('EAGAIN', 'EWOULDBLOCK', 'EINPROGRESS', 'EALREADY')


def errname(e):
    name = errno.errorcode.get(e.errno, 'E?') if isinstance(e, OSError) and e.errno else type(e).__name__
    return 'EAGAIN' if name == 'EWOULDBLOCK' else name


# ---------------------------------------------------------------- one simulated host: a process of its own
# Each host runs in a process of its own so that its descriptors are numbered as on a fresh machine (3, 4, ...),
# like the simulator's per-host descriptor tables; the parent tells it which call to make next.

def readable(s, secs):
    return bool(select.select([s], [], [], secs)[0])


def host_main(name):
    addr_map = json.loads(sys.stdin.readline())
    socks = {}

    def kernel_ip(ip):
        return ip if ip == '0.0.0.0' else '127.0.0.1'

    def target(addr):
        key = '%s:%d' % (addr['ip'], addr['port'])
        if key in addr_map['standins']:
            return ('127.0.0.1', addr_map['standins'][key])
        if addr['ip'] in addr_map['hosts']:
            return ('127.0.0.1', addr['port'])
        return None

    def sock(fd):
        s = socks.get(fd)
        if s is None:
            os.fstat(fd)  # the kernel's own answer for a descriptor this process does not have: EBADF
            raise OSError(errno.ENOTSOCK, 'not a socket')
        return s

    def addr_of(a):
        return {'ip': a[0], 'port': a[1]}

    def do(req):
        c = req['call']
        if c == 'socket':
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            if req.get('type', 0) & O_NONBLOCK:
                s.setblocking(False)
            socks[s.fileno()] = s
            return {'ret': s.fileno()}
        if c == 'bind':
            sock(req['fd']).bind((kernel_ip(req['addr']['ip']), req['addr']['port']))
            return {'ret': 0}
        if c == 'listen':
            sock(req['fd']).listen(req['backlog'])
            return {'ret': 0}
        if c == 'accept':
            s = sock(req['fd'])
            if req.get('simEagain') and not s.getblocking():
                # the simulator had no connection ready: look without taking one, so later calls stay in step
                return {'err': 'EAGAIN'} if not readable(s, 0) else {'ready': True}
            if not s.getblocking():
                readable(s, WAIT_DONE)
            n, a = s.accept()
            socks[n.fileno()] = n
            return {'ret': n.fileno(), 'addr': addr_of(a)}
        if c == 'connect':
            t = target(req['addr'])
            if t is None:
                return {'skip': 'outside'}
            sock(req['fd']).connect(t)
            return {'ret': 0}
        if c == 'write':
            return {'ret': sock(req['fd']).send(bytes.fromhex(req['data']))}
        if c == 'read':
            s = sock(req['fd'])
            want = req.get('want')
            if req.get('simEagain') and not s.getblocking():
                # the simulator had nothing to read yet: peek, so the bytes stay for the reads that follow
                return {'data': s.recv(req['max'], socket.MSG_PEEK).hex(), 'peeked': True}
            if want is None:
                return {'data': s.recv(req['max']).hex()}
            # the simulator's read returned 'want' bytes: gather as many (the kernel may cut them otherwise)
            got = b''
            while len(got) < want:
                if not s.getblocking() and not readable(s, WAIT_DONE):
                    break
                b = s.recv(want - len(got))
                if not b:
                    break
                got += b
            return {'data': got.hex()}
        if c == 'close':
            s = socks.pop(req['fd'], None)
            if s is None:
                os.close(req['fd'])
            else:
                s.close()
            return {'ret': 0}
        if c == 'shutdown':
            sock(req['fd']).shutdown(req['how'])
            return {'ret': 0}
        if c == 'getsockname':
            return {'addr': addr_of(sock(req['fd']).getsockname())}
        if c == 'getpeername':
            return {'addr': addr_of(sock(req['fd']).getpeername())}
        if c == 'setsockopt':
            level, opt = SO_OPTS[req['opt']]
            sock(req['fd']).setsockopt(level, opt, req['value'])
            return {'ret': 0}
        if c == 'fcntl':
            sock(req['fd']).setblocking(not (req['flags'] & O_NONBLOCK))
            return {'ret': 0}
        if c == 'poll':
            if not hasattr(select, 'poll'):
                return {'skip': 'poll'}
            p = select.poll()
            for e in req['fds']:
                p.register(sock(e['fd']), e['events'])
            ready = dict(p.poll(min(req['timeoutMs'], 2000) if req['timeoutMs'] >= 0 else 2000))
            revents = [ready.get(socks[e['fd']].fileno(), 0) for e in req['fds']]
            return {'ret': sum(1 for r in revents if r), 'revents': revents}
        return {'skip': 'unknown'}

    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get('exit'):
            break
        try:
            out = do(msg['req'])
        except OSError as e:
            out = {'err': errname(e)}
        except Exception as e:  # a bug of this script, not the kernel's answer: say so instead of dying
            out = {'skip': 'unknown', 'bug': repr(e)}
        out['callId'] = msg['callId']
        sys.stdout.write(json.dumps(out) + '\n')
        sys.stdout.flush()


# ---------------------------------------------------------------- stand-ins for the simulated built-in servers
# www.example.com and the other built-in hosts cannot run on your machine. Each connection to them is answered by a
# stand-in that repeats what the simulated server did on that connection in this run: after receiving as many bytes
# as the simulated server had received, it sends the bytes it sent, and closes (FIN or RST) where it closed.

def standin(listener, conns):
    for actions in conns:
        try:
            c, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=replay, args=(c, actions), daemon=True).start()


def replay(c, actions):
    got = 0
    try:
        for a in actions:
            while got < a['after']:
                b = c.recv(65536)
                if not b:
                    break
                got += len(b)
            if a.get('send'):
                c.sendall(bytes.fromhex(a['send']))
            if a.get('close') == 'rst':
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
                c.close()
                return
            if a.get('close') == 'fin':
                c.setblocking(False)
                try:
                    while c.recv(65536):
                        pass
                except OSError:
                    pass
                c.close()
                return
        while c.recv(65536):
            pass
    except OSError:
        pass


# ---------------------------------------------------------------- comparing

def show_addr(a):
    return '%s:%d' % (a['ip'], a['port'])


def show_bytes(h):
    b = bytes.fromhex(h)
    t = b[:40].decode('latin-1').encode('unicode_escape').decode('ascii')
    return '"%s%s" (%d %s)' % (t, '...' if len(b) > 40 else '', len(b), W['bytes'])


def show_call(req):
    c = req['call']
    args = []
    if 'fd' in req:
        args.append(str(req['fd']))
    if 'addr' in req:
        args.append(show_addr(req['addr']))
    if c == 'write':
        args.append(show_bytes(req['data']))
    if c == 'read':
        args.append(str(req['max']))
    if c == 'listen':
        args.append(str(req['backlog']))
    if c == 'shutdown':
        args.append(['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'][req['how']])
    if c == 'setsockopt':
        args += [req['opt'], str(req['value'])]
    if c == 'poll':
        args.append('[%s], %d' % (', '.join('%d:%d' % (e['fd'], e['events']) for e in req['fds']), req['timeoutMs']))
    return '%s(%s)' % (c, ', '.join(args))


def show_res(res):
    if res is None:
        return W['waiting']
    if 'err' in res:
        return res['err']
    if 'blocked' in res:
        return W['waiting']
    if 'skip' in res:
        return '-'
    if res.get('ready'):
        return W['ready']
    if res.get('peeked'):
        return W['peeked'] % show_bytes(res['data'])
    if 'data' in res:
        return 'EOF' if res['data'] == '' else show_bytes(res['data'])
    if 'addr' in res and 'ret' not in res:
        return show_addr(res['addr'])
    out = str(res['ret'])
    if 'addr' in res:
        out += ' (' + show_addr(res['addr']) + ')'
    if 'revents' in res:
        out += ' ' + str(res['revents'])
    return out


def compare(req, sim, kern, ctx):
    """('same' | 'diff' | why it cannot be compared, a note on what was left out of a 'same')"""
    v = compare_results(req, sim, kern, ctx)
    return v if isinstance(v, tuple) else (v, None)


def compare_results(req, sim, kern, ctx):
    if kern is not None and 'skip' in kern:
        return W['skip_' + kern['skip']]
    sim_waits = 'blocked' in sim
    if kern is None and not sim_waits and ctx['waited'] > WAIT_DONE * 1000:
        return W['long_wait'] % (ctx['waited'] / 1000)
    if sim_waits or kern is None:
        return 'same' if sim_waits and kern is None else 'diff'
    if sim.get('err') in TIMING or kern.get('err') in TIMING or req['call'] == 'poll':
        return 'same' if sim == {k: v for k, v in kern.items() if k != 'callId'} else W['timing']
    if 'err' in sim or 'err' in kern:
        return 'same' if sim.get('err') == kern.get('err') else 'diff'
    if 'data' in sim:
        return 'same' if sim['data'] == kern.get('data') else 'diff'
    note = None
    if 'ret' in sim:
        if req['call'] in ('socket', 'accept') and ctx['windows']:
            note = W['handles']
        elif sim['ret'] != kern.get('ret'):
            return 'diff'
    if 'addr' in sim:
        sa, ka = sim['addr'], kern.get('addr')
        if ka is None:
            return 'diff'
        key = show_addr(sa)
        if key in ctx['standins']:
            want = ('127.0.0.1', ctx['standins'][key])
        else:
            want = (sa['ip'] if sa['ip'] == '0.0.0.0' else '127.0.0.1', sa['port'])
        if ka['ip'] != want[0]:
            return 'diff'
        if key in ctx['standins'] or sa['port'] in ctx['fixed_ports'] or sa['port'] == 0:
            if ka['port'] != want[1]:
                return 'diff'
        else:
            note = W['ephemeral']
    return ('same', note) if note else 'same'


# ---------------------------------------------------------------- the run

def main():
    as_json = '--json' in sys.argv
    system = platform.system()
    print('%s %s %s, Python %s' % (W['os'], system, platform.release(), platform.python_version()))
    if system != 'Linux':
        print(W['not_linux'])
    print()

    standins = {}
    for s in PLAN['standins']:
        l = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        l.bind(('127.0.0.1', 0))
        l.listen(64)
        standins['%s:%d' % (s['ip'], s['port'])] = l.getsockname()[1]
        threading.Thread(target=standin, args=(l, s['conns']), daemon=True).start()
    for key, port in standins.items():
        print(W['standin'] % (key, port))

    addr_map = json.dumps({'standins': standins, 'hosts': PLAN['ips']})
    procs, replies = {}, {}
    me = os.path.abspath(__file__)
    for h in PLAN['hosts']:
        p = subprocess.Popen([sys.executable, me, '--host', h], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        p.stdin.write(addr_map + '\n')
        p.stdin.flush()
        q = queue.Queue()
        threading.Thread(target=lambda p=p, q=q: [q.put(json.loads(l)) for l in p.stdout], daemon=True).start()
        procs[h], replies[h] = p, q

    ctx = {'standins': standins, 'fixed_ports': set(PLAN['fixedPorts']), 'windows': system == 'Windows'}
    calls = {s['callId']: s for s in PLAN['steps'] if s['kind'] == 'call'}
    stuck = set()
    counts = {'same': 0, 'diff': 0, 'other': 0}
    rows = []
    for step in PLAN['steps']:
        c = calls[step['callId']]
        h = c['host']
        if step['kind'] == 'call':
            if h not in stuck:
                procs[h].stdin.write(json.dumps({'callId': c['callId'], 'req': c['req']}) + '\n')
                procs[h].stdin.flush()
            continue
        sim = step['res']
        kern = None
        note = None
        if h in stuck:
            verdict = W['not_run']
        else:
            try:
                kern = replies[h].get(timeout=WAIT_BLOCKED if 'blocked' in sim else WAIT_DONE)
            except queue.Empty:
                stuck.add(h)
            ctx['waited'] = step['waited']
            verdict, note = compare(c['req'], sim, kern, ctx)
        counts[verdict if verdict in counts else 'other'] += 1
        mark = {'same': '  ', 'diff': '!!'}.get(verdict, ' ~')
        line = W['line'] % c['line'] if c['line'] else ''
        print('%s %-9s %-10s %s' % (mark, line, h, show_call(c['req'])))
        print('      %-10s %s' % (W['sim'], show_res(sim)))
        why = note if verdict == 'same' else None if verdict == 'diff' else verdict
        print('      %-10s %s%s' % (W['kernel'], show_res(kern), '   (' + why + ')' if why else ''))
        if verdict == 'diff' and kern and kern.get('err') == 'EADDRINUSE' and c['req']['call'] == 'bind':
            print('      ' + W['time_wait'])
        rows.append({'callId': c['callId'], 'host': h, 'call': c['req']['call'], 'verdict': verdict, 'sim': sim, 'kernel': kern})
    # blocked calls from the run's end: the simulator waited forever; tell it by the missing result
    for c in PLAN['unfinished']:
        print('   %-9s %-10s %s: %s' % (W['line'] % c['line'] if c['line'] else '', c['host'], show_call(c['req']), W['sim_waits']))

    for h, p in procs.items():
        try:
            p.stdin.write(json.dumps({'exit': True}) + '\n')
            p.stdin.flush()
        except OSError:
            pass
    for p in procs.values():
        try:
            p.wait(timeout=2)
        except subprocess.TimeoutExpired:
            p.kill()
    print()
    print(W['summary'] % (counts['same'] + counts['diff'] + counts['other'], counts['same'], counts['diff'], counts['other']))
    if as_json:
        print(json.dumps({'os': system, 'counts': counts, 'rows': rows}))
    return 1 if counts['diff'] else 0


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--host':
        host_main(sys.argv[2])
    else:
        sys.exit(main())
`;
